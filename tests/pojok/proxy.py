"""A TCP proxy the test can cut: the database "goes down" for the app behind it, not for anyone else."""

import socket
import threading


class CuttableProxy:
    def __init__(self, target: tuple[str, int]):
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._pairs: list[socket.socket] = []
        self._lock = threading.Lock()
        self._listener = None

    def start(self) -> "CuttableProxy":
        self._listener = socket.create_server(("127.0.0.1", self.port), reuse_port=False)
        self._listener.settimeout(0.2)
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()
        return self

    def cut(self) -> None:
        """Refuse new connections and break every open one, as a server that went away."""
        listener, self._listener = self._listener, None
        listener.close()
        with self._lock:
            for sock in self._pairs:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._pairs.clear()

    def restore(self) -> None:
        self.start()

    def _accept(self, listener) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._pairs += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(source, sink) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.close()
                except OSError:
                    pass
