"""The replay's figures in words and tables: printed by `routing_eval`, shown on the routing quality page."""

from .evaluate import KINDS, Replay
from .models import LearnedModel

COLUMNS = [(kind, k) for kind in KINDS for k in (1, 2)]
HEADER = f"{'':<26}{'keputusan':>10}{'kata kunci top-1':>18}{'top-2':>8}{'gabungan top-1':>16}{'top-2':>8}"


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %".replace(".", ",") if whole else "\u2014"


def _line(label: str, row: dict) -> str:
    cells = [_percent(row[f"{kind}_top{k}"], row["n"]) for kind, k in COLUMNS]
    return f"{label:<26}{row['n']:>10}{cells[0]:>18}{cells[1]:>8}{cells[2]:>16}{cells[3]:>8}"


def replay_lines(result: Replay, names: dict[str, str]) -> list[str]:
    """The replay as a table: overall, per Bidang, then per month."""
    figures = result.as_dict()
    months = list(figures["per_month"])
    lines = [f"Riwayat diputar ulang: {figures['overall']['n']} keputusan ({months[0]} s.d. {months[-1]}); "
             "tiap keputusan ditebak hanya dari keputusan sebelumnya.", "", HEADER,
             _line("Semua", figures["overall"])]
    lines += [_line(names.get(code, code), row) for code, row in figures["per_bidang"].items()]
    lines += ["", "Per bulan:", HEADER]
    lines += [_line(month, row) for month, row in figures["per_month"].items()]
    return lines


def trend() -> dict | None:
    """The latest model's replay, month by month, as percentages for the routing quality page."""
    model = LearnedModel.objects.order_by("-version").only("version", "trained_at", "decisions", "evaluation").first()
    if model is None or not model.evaluation.get("overall", {}).get("n"):
        return None
    return {"version": model.version, "trained_at": model.trained_at, "decisions": model.decisions,
            "overall": _shares(model.evaluation["overall"]),
            "months": [{"month": month, **_shares(row)} for month, row in model.evaluation["per_month"].items()]}


def _shares(row: dict) -> dict:
    return {"n": row["n"], **{f"{kind}_top{k}": _percent(row[f"{kind}_top{k}"], row["n"]) for kind, k in COLUMNS}}
