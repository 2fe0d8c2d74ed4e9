"""The server-rendered pages (Jinja2, autoescaped), one router per group."""

from fastapi import APIRouter

from lagebild.web.pages import account, actors, stories

router = APIRouter(include_in_schema=False)
router.include_router(stories.router)
router.include_router(actors.router)
router.include_router(account.router)
