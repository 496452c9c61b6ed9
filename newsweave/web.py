"""A read-only web UI over the store: FastAPI routes, Jinja2 pages from `templates/`.

Every page has a JSON twin (`/stories/ID` and `/stories/ID.json`) made by the same view
function, so UI and API cannot drift. Nothing here writes to the store or reads any path but
the database the app was created with; ids are checked against `ID_PATTERN` before use.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import render_html
from .errors import StoreError
from .models import readable
from .serialize import story_to_dict
from .store import Store

ID_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,200}$")
MAX_BODY_BYTES = 16 * 1024  # every route is a GET: no request needs a body of any size
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "DENY"}


def open_store(request: Request) -> Iterator[Store]:
    """The app's database, one connection per request (sqlite3 connections are per-thread)."""
    with Store(request.app.state.db_path) as store:
        yield store


OpenStore = Annotated[Store, Depends(open_store)]


def create_app(db_path: str | Path) -> FastAPI:
    """The app over the database at `db_path`, which must exist (it is never created here)."""
    db = Path(db_path)
    if not db.is_file():
        raise StoreError(f"{db}: no such database; run 'newsweave analyze ... --db {db}' first")
    app = FastAPI(title="newsweave", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db_path = db
    templates = render_html.template_env()

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        too_big = (length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES)
                   or "transfer-encoding" in request.headers)
        response = (JSONResponse({"detail": "request body too large"}, status_code=413)
                    if too_big else await call_next(request))
        response.headers.update(SECURITY_HEADERS)
        return response

    def page(template: str, data: dict[str, Any], quotes: dict[str, Any] | None = None,
             status: int = 200) -> HTMLResponse:
        html = templates.get_template(template).render(
            data=data, quotes=quotes or {}, nonce=secrets.token_urlsafe(16))
        return HTMLResponse(html, status_code=status)

    @app.get("/", response_class=HTMLResponse)
    def home(db: OpenStore) -> Response:
        return page("stories.html.j2", story_list_view(db))

    @app.get("/stories.json")
    def stories_json(db: OpenStore) -> Response:
        return JSONResponse(story_list_view(db))

    @app.get("/stories", response_class=HTMLResponse)
    def stories(db: OpenStore) -> Response:
        return page("stories.html.j2", story_list_view(db))

    @app.get("/stories/{story_id}")
    def story(story_id: str, db: OpenStore) -> Response:
        story_id, as_json = split_json(story_id)
        live = db.resolve_story_id(story_id)
        if live and live != story_id:  # merged into another story: old links keep working
            return RedirectResponse(f"/stories/{live}{'.json' if as_json else ''}", 308)
        data = story_view(db, story_id)
        if as_json:
            return JSONResponse({"story": data["story"]})
        return page("story.html.j2", data, {"0": data["view"]["popups"]})

    @app.get("/stories/{story_id}/articles/{article_id}")
    def article(story_id: str, article_id: str, db: OpenStore) -> Response:
        article_id, as_json = split_json(article_id)
        data = article_view(db, check_id(story_id), article_id)
        if as_json:
            return JSONResponse({k: v for k, v in data.items() if k != "quotes"})
        return page("article.html.j2", data, {"0": data["quotes"]})

    @app.exception_handler(StarletteHTTPException)
    def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html.j2", {"status": exc.status_code, "detail": exc.detail},
                    status=exc.status_code)

    return app


# --- views: one dict per page, rendered as HTML or returned as JSON --------------------------


def split_json(raw: str) -> tuple[str, bool]:
    """'ID.json' -> ('ID', True); 'ID' -> ('ID', False); the id is validated either way."""
    as_json = raw.endswith(".json")
    return check_id(raw[: -len(".json")] if as_json else raw), as_json


def check_id(value: str) -> str:
    if not ID_PATTERN.fullmatch(value):
        raise HTTPException(status_code=404, detail="no such id")
    return value


def story_list_view(db: Store) -> dict[str, Any]:
    """The listing comes from the stories table's summary columns: no report is loaded."""
    keys = ("id", "title", "first_date", "last_date", "sources", "independent_sources",
            "facts", "conflicts", "updated")
    return {"stories": [{k: row[k] for k in keys} for row in db.list_stories()]}


def story_view(db: Store, story_id: str) -> dict[str, Any]:
    story = db.load_story(story_id)
    if story is None:
        raise HTTPException(status_code=404, detail="no such story")
    return {"story": story_to_dict(story), "view": render_html.story_view(story)}


def article_view(db: Store, story_id: str, article_id: str) -> dict[str, Any]:
    """The article's text cut into plain and highlighted pieces, one highlight per mention."""
    analysed = db.load_story(story_id)
    article = next((a for a in analysed.articles if a.id == article_id), None) \
        if analysed else None
    if analysed is None or article is None:
        raise HTTPException(status_code=404, detail="no such article in this story")
    text = article.text
    story = story_to_dict(analysed)
    view = render_html.story_view(analysed)
    mentions = sorted(
        ((m["start"], m["end"], i) for i, f in enumerate(story["facts"]) for m in f["mentions"]
         if m["article"] == article_id and text[m["start"]:m["end"]] == m["text"]),
        key=lambda m: (m[0], -m[1]))
    pieces: list[dict[str, Any]] = []
    quotes: dict[str, dict[str, str]] = {}
    at = 0
    for start, end, fact_index in mentions:
        if start < at:  # overlaps the previous highlight: keep the first
            continue
        fact = story["facts"][fact_index]
        key = f"m{len(pieces)}"
        pieces += [{"text": text[at:start], "fact": None},
                   {"text": text[start:end], "fact": fact["id"], "status": fact["status"],
                    "key": key}]
        quotes[key] = {"source": f"Fact · {render_html.STATUS_NAMES.get(fact['status'], '')} · "
                                 f"{len(fact['articles'])} source(s)",
                         "text": readable(fact["text"], fact.get("subject", ""))}
        at = end
    pieces.append({"text": text[at:], "fact": None})
    return {"story": {"id": story["id"], "title": story["title"]},
            "article": {**next(a for a in story["articles"] if a["id"] == article_id),
                        "label": view["labels"][article_id],
                        "number": view["number"][article_id]},
            "pieces": [p for p in pieces if p["text"]], "quotes": quotes}
