"""Imports run one way: between apps as the table below allows, and no module-level import circle.

pojok (settings, login, roles, the shared pieces) depends on no app; routing knows nothing of
visits; each app that builds on visits points at it, never the reverse. Imports inside a function
do not hide a circle from this test: no app imports another inside a function, but at start-up
(AppConfig.ready()).
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("pojok", "offices", "routing", "notifications", "audit", "presence", "visits", "survey", "lobby", "booking",
        "privacy", "documents", "referrals", "kabupaten")
MAY_USE = {
    "pojok": set(),
    "offices": {"pojok"},  # every OPD on one server: the office each row and each request belongs to
    "routing": {"pojok", "offices"},
    "notifications": {"pojok", "offices"},
    "audit": {"pojok", "offices"},  # the account log, the login slow-down built on it, the record of rule changes
    "presence": {"pojok", "offices", "routing"},  # who is in the office today: triage and the inbox read it
    "visits": {"pojok", "offices", "routing", "notifications", "presence"},
    "survey": {"pojok", "offices", "routing", "visits"},
    "booking": {"pojok", "offices", "routing", "notifications", "visits"},
    "lobby": {"pojok", "offices", "visits", "booking"},
    "privacy": {"pojok", "offices", "visits"},
    "documents": {"pojok", "offices", "visits"},  # filed packs of the visits' report (the IKM section is survey's own)
    "referrals": {"pojok", "offices", "visits", "booking"},  # a guest sent to another office, expected there
    # every office's figures side by side (routing: its benchmark seeds each office's units)
    "kabupaten": {"pojok", "offices", "routing", "visits", "survey", "referrals"},
}


def _modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            yield name, path.name == "__init__.py", ast.parse(path.read_text())


def _imports(name: str, is_package: bool, tree) -> list[tuple[str, bool]]:
    """(module imported, whether the import sits inside a function) for every import statement."""
    package = name if is_package else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        inside = False
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            module = f"{base}.{node.module}" if node.level and node.module else (node.module or base)
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        inside = any(isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef))
                     for parent in _parents(tree, node))
        found += [(target, inside) for target in targets]
    return found


def _parents(tree, target):
    stack = [(tree, [])]
    while stack:
        node, chain = stack.pop()
        if node is target:
            return chain
        stack += [(child, [*chain, node]) for child in ast.iter_child_nodes(node)]
    return []


MODULES = {name: (is_package, tree) for name, is_package, tree in _modules()}
# The project's own wiring (settings, root URLs) names every app; it is not an app using another.
PROJECT = {"pojok.settings", "pojok.urls", "pojok.wsgi"}


def test_apps_use_only_the_apps_the_table_allows():
    wrong = sorted({
        f"{name} imports {target}"
        for name, (is_package, tree) in MODULES.items() if name not in PROJECT
        for target, _ in _imports(name, is_package, tree)
        if target.split(".")[0] in APPS and target.split(".")[0] != name.split(".")[0]
        and target.split(".")[0] not in MAY_USE[name.split(".")[0]]
    })
    assert wrong == []


def test_no_module_level_import_circle():
    graph = {
        name: {target for target, inside in _imports(name, is_package, tree)
               if not inside and target in MODULES and target != name}
        for name, (is_package, tree) in MODULES.items()
    }
    # a package's __init__ importing its own modules is how a package is put together, not a circle
    for name in graph:
        graph[name] = {t for t in graph[name] if not (MODULES[name][0] and t.startswith(name + "."))}
    assert circles_in(graph) == []


def circles_in(graph: dict[str, set[str]]) -> list[str]:
    circles = []

    def visit(node, path, seen):
        for target in sorted(graph.get(node, ())):
            if target in path:
                circles.append(" -> ".join([*path[path.index(target):], target]))
            elif target not in seen:
                seen.add(target)
                visit(target, [*path, target], seen)

    for start in sorted(graph):
        visit(start, [start], {start})
    return circles


def test_the_circle_finder_finds_a_circle():
    graph = {"visits.models": {"visits.policy"}, "visits.policy": {"visits.models"}, "pojok.clock": set()}
    assert "visits.models -> visits.policy -> visits.models" in circles_in(graph)
    assert circles_in({"a": {"b"}, "b": set()}) == []


def test_no_app_imports_another_inside_a_function_but_at_start_up():
    lazy = sorted({
        f"{name} imports {target} inside a function"
        for name, (is_package, tree) in MODULES.items()
        for target, inside in _imports(name, is_package, tree)
        if inside and target.split(".")[0] in APPS and target.split(".")[0] != name.split(".")[0]
        and not name.endswith(".apps")
    })
    assert lazy == []
