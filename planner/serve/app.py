"""The workspace's routes (Starlette): each handler reads the request, calls planner.serve's
functions in a worker thread and answers. PlannerError becomes the CLI's one line (as JSON,
with the form field it concerns); a change to a file that moved on is 409."""
from __future__ import annotations

import secrets
from typing import Any, Callable, Optional
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from planner.errors import PlannerError, UserError
from planner.serve import views
from planner.serve.downloads import Download, notice_field
from planner.serve.edits import error_field
from planner.serve.files import ConflictError
from planner.serve.pages import STATIC, render
from planner.serve.workspace import Workspace

# A change must come from the page's own script: a custom header cannot be sent across sites
# without a CORS preflight, which this server never grants.
GUARD_HEADER = "x-planner"
OPERATIONS_WITH_FORM = {"add_part", "add_item", "add_target", "remove", "move_part", "move_item",
                        "use_library"}


def failure(error: PlannerError, field: str = "") -> JSONResponse:
    """The error as the CLI would print it (str(error)), and the field it concerns."""
    field = field or error_field(error)
    status = 409 if isinstance(error, ConflictError) else 400
    return JSONResponse({"error": str(error), "field": field}, status_code=status)


def create_app(workspace: Workspace, allowed_hosts: list[str]) -> Starlette:
    """The ASGI app over `workspace`; requests whose Host is not one of `allowed_hosts` are
    refused (a page elsewhere that rebinds its name to 127.0.0.1 cannot reach the files)."""
    routes = Routes(workspace)
    return Starlette(routes=[
        Route("/", routes.start),
        Route("/favicon.ico", routes.no_icon),
        Route("/edit", routes.edit_page),
        Route("/api/edit", routes.edit, methods=["POST"]),
        Route("/api/pick", routes.pick, methods=["POST"]),
        Route("/api/fix", routes.fix, methods=["POST"]),
        Route("/api/clauses", routes.clauses),
        Route("/api/variants", routes.variants),
        Route("/api/rollover", routes.rollover, methods=["POST"]),
        Route("/api/upload", routes.upload, methods=["POST"]),
        Route("/api/pages", routes.pages, methods=["POST"]),
        Route("/pages/{token}/{name}", routes.page_image),
        Route("/download/{what}", routes.download),
        Mount("/static", StaticFiles(directory=str(STATIC)), name="static"),
    ], middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)])


class Routes:
    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.images = workspace.folder.uploads / "pages"

    async def no_icon(self, request: Request) -> Response:
        return Response(status_code=204)

    async def start(self, request: Request) -> Response:
        return HTMLResponse(await run_in_threadpool(views.start_page, self.workspace.folder))

    async def edit_page(self, request: Request) -> Response:
        name = request.query_params.get("file", "")

        def page() -> str:
            from planner.office import soffice

            try:
                state = self.workspace.open(name)
            except PlannerError as error:
                return views.start_page(self.workspace.folder, {"open": str(error)})
            return views.workspace_page(state, self.workspace.folder, views.unit_suggestions(state),
                                        soffice() is not None)

        return HTMLResponse(await run_in_threadpool(page))

    async def edit(self, request: Request) -> Response:
        body = await _json(request)
        operation, args = str(body.get("op", "")), body.get("args")
        args = args if isinstance(args, dict) else {}
        # A field set leaves the form as the user is typing in it; a part's role moves its badge.
        with_form = operation in OPERATIONS_WITH_FORM or str(args.get("path", "")).endswith(".role")
        return await _answer(lambda: views.payload(self.workspace.edit(
            _text(body, "file"), _text(body, "version"), operation, args), with_form=with_form))

    async def pick(self, request: Request) -> Response:
        body = await _json(request)
        numbers = [_number(body, key) for key in ("part", "item", "cluster", "clause")]
        return await _answer(lambda: views.payload(self.workspace.pick(
            _text(body, "file"), _text(body, "version"), *numbers)))

    async def fix(self, request: Request) -> Response:
        body = await _json(request)
        finding = body.get("finding") or None
        return await _answer(lambda: views.payload(self.workspace.fix(
            _text(body, "file"), _text(body, "version"), finding)))

    async def clauses(self, request: Request) -> Response:
        from planner.serve.clauses import opened, search

        query, part = request.query_params.get("q", ""), request.query_params.get("part") or None

        def hits() -> str:
            with opened(self.workspace.db) as conn:
                return render("hits.html", hits=search(conn, query, part=part), query=query)

        return await _answer(hits, html=True)

    async def variants(self, request: Request) -> Response:
        from planner.serve.clauses import opened, variants

        cluster = _number(dict(request.query_params), "cluster")

        def members() -> str:
            with opened(self.workspace.db) as conn:
                return render("variants.html", members=variants(conn, cluster), cluster=cluster)

        return await _answer(members, html=True)

    async def rollover(self, request: Request) -> Response:
        body = await _json(request)
        return await _answer(lambda: {"location": "/edit?file=" + quote(
            self.workspace.rollover(_text(body, "file"), str(body.get("year") or "")))},
            field=lambda error: year_or(error, "file"))

    async def upload(self, request: Request) -> Response:
        _guard(request)
        form = await request.form()
        upload = form.get("upload")
        if upload is None or isinstance(upload, str) or not upload.filename:
            return failure(UserError("没有选择文件", hint="请选择上年方案的 .docx 或 .txt 文件"), "upload")
        data = await upload.read()
        year = str(form.get("year") or "")
        return await _answer(lambda: {"location": "/edit?file=" + quote(
            self.workspace.upload(upload.filename, data, year))},
            field=lambda error: year_or(error, "upload"))

    async def pages(self, request: Request) -> Response:
        from planner.serve.preview import page_images

        body = await _json(request)

        def images() -> dict:
            state = self.workspace.open(_text(body, "file"))
            token = secrets.token_hex(8)
            pngs = page_images(state.plan, self.images / token)
            return {"images": [f"/pages/{token}/{quote(p.name)}" for p in pngs]}

        return await _answer(images)

    async def page_image(self, request: Request) -> Response:
        token, name = request.path_params["token"], request.path_params["name"]
        path = (self.images / token / name).resolve()
        if not path.is_relative_to(self.images.resolve()) or path.suffix != ".png" or not path.is_file():
            return Response(status_code=404)
        return FileResponse(path, media_type="image/png")

    async def download(self, request: Request) -> Response:
        what, query = request.path_params["what"], dict(request.query_params)
        return await _answer(lambda: self._download(what, query),
                             field=notice_field if what == "notice" else None)

    def _download(self, what: str, query: dict[str, str]) -> Download:
        from planner.planfile import read_plan
        from planner.serve import downloads

        state = self.workspace.open(query.get("file", ""))
        if what == "plan":
            return downloads.plan_docx(state.plan)
        if what == "notice":
            return downloads.notice_docx(state.plan, query)
        if what == "matrix":
            return downloads.matrix_xlsx(state.plan)
        if what == "comparison":
            last = read_plan(self.workspace.folder.resolve(query.get("last", "")))
            return downloads.comparison_docx(last, state.plan)
        raise UserError(f"未知的下载（{what}）")


async def _answer(make: Callable[[], Any], html: bool = False,
                  field: Optional[Callable[[PlannerError], str]] = None) -> Response:
    """Run `make` in a worker thread; its result as JSON, HTML or a file download; a
    PlannerError as the one line, with the form field `field` says it concerns."""
    try:
        result = await run_in_threadpool(make)
    except PlannerError as error:
        return failure(error, field(error) if field else "")
    if isinstance(result, Download):
        disposition = f"attachment; filename*=UTF-8''{quote(result.filename)}"
        return Response(result.data, media_type=result.media_type,
                        headers={"Content-Disposition": disposition})
    return HTMLResponse(result) if html else JSONResponse(result)


def year_or(error: PlannerError, field: str) -> str:
    """`year` for an error about the year the form gives, else `field`."""
    return "year" if "年份" in error.message else field


async def _json(request: Request) -> dict:
    _guard(request)
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise _Refused("请求格式不对")
    return body


def _guard(request: Request) -> None:
    """A change comes from this server's own page: the guard header is there and any Origin
    is this server's."""
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if request.headers.get(GUARD_HEADER) != "1" or (origin and origin.split("://", 1)[-1] != host):
        raise _Refused("请求来源不对，已拒绝")


class _Refused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _text(body: dict, key: str) -> str:
    value = body.get(key)
    return value if isinstance(value, str) else ""


def _number(body: dict, key: str) -> int:
    try:
        return int(body.get(key))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise UserError(f"参数 {key} 应为整数") from None


def exception_handlers() -> dict:
    async def refused(request: Request, error: _Refused) -> Response:
        return JSONResponse({"error": error.message, "field": ""}, status_code=403)

    async def bad(request: Request, error: UserError) -> Response:
        return failure(error)

    return {_Refused: refused, UserError: bad}


def build(workspace: Workspace, allowed_hosts: list[str]) -> Starlette:
    """The app with its error handlers (a UserError raised before a handler's worker runs)."""
    app = create_app(workspace, allowed_hosts)
    for kind, handler in exception_handlers().items():
        app.add_exception_handler(kind, handler)
    return app

