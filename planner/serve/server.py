"""Running the workspace: the extra's packages checked, the socket bound (loopback unless asked),
the hosts a request may name, uvicorn, and the browser opened on the first page."""
from __future__ import annotations

import errno
import socket
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional
from urllib.parse import quote

from planner.errors import UserError, os_reason

EXTRA = ("starlette", "uvicorn", "multipart")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
WILDCARD = ("0.0.0.0", "::", "")


class ServeError(UserError):
    """The workspace cannot start (the extra is missing, the port is taken)."""


@dataclass
class ServeOptions:
    """What `planner serve` was asked for."""

    file: Optional[Path] = None
    host: str = "127.0.0.1"
    port: int = 8765
    browser: bool = True
    db: Optional[Path] = None


def check_extra() -> None:
    """ServeError in one line when the `serve` extra is not installed."""
    import importlib.util

    missing = [name for name in EXTRA if importlib.util.find_spec(name) is None]
    if missing:
        raise ServeError(f"网页工作台需要的组件未安装（{'、'.join(missing)}）",
                         hint="请执行 pip install 'planner[serve]' 后再运行 planner serve")


def allowed_hosts(host: str) -> list[str]:
    """The names a request's Host header may give: the bound address (and localhost for
    loopback); for an address on all interfaces, this machine's names and addresses."""
    if host in LOOPBACK:
        return ["127.0.0.1", "localhost", "[::1]", "::1"]
    names = {host, f"[{host}]" if ":" in host else host}
    if host in WILDCARD:
        names = {"127.0.0.1", "localhost", socket.gethostname(), socket.getfqdn()}
        try:
            names.update(info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None))
        except OSError:
            pass
    return sorted(n for n in names if n)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket (port 0: any free one); ServeError when the port is taken, the
    address is not this machine's or is no address at all."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        where = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        raise ServeError(f"无法在 {where} 上启动（{_bind_reason(error)}）", hint=_bind_hint(error)) from None
    sock.listen(64)
    return sock


def _bind_reason(error: OSError) -> str:
    if isinstance(error, socket.gaierror):
        return "无法识别的地址"
    if error.errno == errno.EADDRNOTAVAIL:
        return "本机没有这个地址"
    if error.errno == errno.EADDRINUSE:
        return "端口已被占用"
    return os_reason(error)


def _bind_hint(error: OSError) -> str:
    if isinstance(error, socket.gaierror) or error.errno == errno.EADDRNOTAVAIL:
        return "请用 --host 给出本机的地址，如 127.0.0.1 或 ::1（去掉 --host 即只在本机使用）"
    if error.errno == errno.EACCES:
        return "1024 以下的端口需要管理员权限，请用 --port 指定 1024 以上的端口"
    return "端口可能已被占用，请用 --port 指定其他端口"


def first_url(host: str, port: int, root: Path, file: Optional[Path]) -> str:
    shown = "127.0.0.1" if host in WILDCARD else (f"[{host}]" if ":" in host else host)
    url = f"http://{shown}:{port}/"
    if file is not None:
        url += "edit?file=" + quote(file.resolve().relative_to(root).as_posix())
    return url


def banner(url: str, root: Path, host: str) -> list[str]:
    """What `planner serve` says on start: where the page is; off loopback, who can edit."""
    lines = [f"planner 工作台：{url}（工作目录 {root}；按 Ctrl+C 停止）"]
    if host not in LOOPBACK:
        lines.append(f"注意：工作台监听在 {host or '所有地址'}，同一网络中的任何人都能打开并修改工作目录中的方案；"
                     f"只在本机使用时请去掉 --host")
    return lines


def run(options: ServeOptions, say: Callable[[str], None]) -> None:
    """Serve until interrupted. `say` prints a line for the user (the CLI's echo)."""
    check_extra()
    import uvicorn

    from planner.serve.app import build
    from planner.serve.files import Folder
    from planner.serve.workspace import Workspace

    if options.file is not None and not options.file.is_file():
        raise ServeError("文件不存在", path=str(options.file), hint="请给出起草提纲或方案文件（.yaml）")
    root = (options.file.parent if options.file is not None else Path.cwd()).resolve()
    with tempfile.TemporaryDirectory(prefix="planner-serve-") as uploads:
        workspace = Workspace(Folder(root, Path(uploads)), options.db)
        app = build(workspace, allowed_hosts(options.host))
        sock = bind(options.host, options.port)
        port = sock.getsockname()[1]
        url = first_url(options.host, port, root, options.file)
        for line in banner(url, root, options.host):
            say(line)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        if options.browser:
            threading.Thread(target=_open_when_ready, args=(server, url), daemon=True).start()
        server.run(sockets=[sock])


def _open_when_ready(server, url: str) -> None:
    import time
    import webbrowser

    for _ in range(100):
        if server.started:
            webbrowser.open(url)
            return
        time.sleep(0.05)
