"""The drafting workspace in the browser (`planner serve`): plain functions over the library
(files, outline edits, findings, preview, downloads) and, in app.py, the Starlette routes that
call them. Only app.py and server.py import the optional `serve` extra (starlette, uvicorn)."""
