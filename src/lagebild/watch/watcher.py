"""The watcher: poll feeds, fetch new entries' pages, run the pipeline, store, and (when
asked) assign the new articles to stories.

One round (:meth:`Watcher.poll_once`) visits every feed with a conditional request; a
feed that answers 304 costs nothing more. Each entry not yet ``done`` is fetched (if
robots.txt allows), read as HTML, run through the pipeline and stored; then it is marked
``done``. A failed entry is retried on later rounds up to :data:`MAX_ATTEMPTS` times.
The feed's validators are saved last, so a crash mid-feed means the next round sees the
feed again and carries on with the entries not yet done.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

import httpx

from lagebild.config import Config
from lagebild.errors import LagebildError
from lagebild.ingest import read_bytes
from lagebild.ingest.formats import outlet_from_url
from lagebild.pipeline import Context, run
from lagebild.records import Article, Failure
from lagebild.store import ArticleFilter, Store
from lagebild.watch.feeds import Entry, parse_entries
from lagebild.watch.fetch import Fetcher, FetchRefused, is_private_host
from lagebild.watch.state import WatchState

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 3


@dataclass(slots=True)
class RoundReport:
    """What one round did."""

    feeds: int = 0
    not_modified: int = 0
    feed_errors: int = 0
    new_entries: int = 0
    stored: int = 0
    skipped: int = 0  # refused by robots.txt / scheme / address
    failed: int = 0
    stories: int = 0
    messages: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI, e.g. ``3 feeds (1 unchanged, 0 failed): 5 new entries, …``."""
        return (
            f"{self.feeds} feeds ({self.not_modified} unchanged, {self.feed_errors} failed): "
            f"{self.new_entries} new entries, {self.stored} stored, {self.skipped} skipped, "
            f"{self.failed} failed, {self.stories} stories updated"
        )


class Watcher:
    def __init__(
        self,
        store: Store,
        feeds: list[str],
        *,
        config: Config | None = None,
        fetcher: Fetcher | None = None,
        stories: bool = False,
    ) -> None:
        self.store = store
        self.feeds = feeds
        self.config = config or Config()
        self.ctx = Context(self.config)
        self.fetcher = fetcher or Fetcher(max_bytes=self.config.limits.max_input_bytes)
        self.state = WatchState(store)
        self.assign_stories = stories
        self._stories: StoryAssigner | None = None

    def close(self) -> None:
        self.fetcher.close()

    # ------------------------------------------------------------------ one round

    def poll_once(self) -> RoundReport:
        report = RoundReport()
        new_articles: list[Article] = []
        for feed_url in self.feeds:
            report.feeds += 1
            try:
                new_articles += self._poll_feed(feed_url, report)
            except (httpx.HTTPError, FetchRefused, LagebildError) as err:
                report.feed_errors += 1
                report.messages.append(f"{feed_url}: {err}")
                log.warning("feed %s: %s", feed_url, err)
        if new_articles and self.assign_stories:
            report.stories = self._assign(new_articles)
        return report

    def _poll_feed(self, feed_url: str, report: RoundReport) -> list[Article]:
        known = self.state.feed(feed_url)
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        got = self.fetcher.get(feed_url, headers, allow_private=True)  # the user named it
        if got.status == 304:
            report.not_modified += 1
            self.state.save_feed(feed_url, 304, known.etag, known.last_modified)
            return []
        if got.status != 200:
            raise FetchRefused(f"HTTP {got.status}")
        entries = parse_entries(got.body, feed_url)
        seen = self.state.entry_status(feed_url, [e.key for e in entries])
        feed_is_private = is_private_host(httpx.URL(feed_url).host)
        stored: list[Article] = []
        for entry in entries:
            status, attempts = seen.get(entry.key, ("new", 0))
            if status in ("done", "skipped") or attempts >= MAX_ATTEMPTS:
                continue
            report.new_entries += 1
            article = self._take(feed_url, entry, attempts, feed_is_private, report)
            if article is not None:
                stored.append(article)
        self.state.save_feed(
            feed_url, 200, got.headers.get("etag"), got.headers.get("last-modified")
        )
        return stored

    def _take(
        self,
        feed_url: str,
        entry: Entry,
        attempts: int,
        allow_private: bool,
        report: RoundReport,
    ) -> Article | None:
        if not entry.link:
            self.state.mark(feed_url, entry.key, None, "skipped", reason="entry has no link")
            report.skipped += 1
            return None
        try:
            page = self.fetcher.get(entry.link, allow_private=allow_private)
            if page.status != 200:
                raise FetchRefused(f"HTTP {page.status}")
        except FetchRefused as err:
            permanent = "robots.txt" in str(err) or "address" in str(err) or "http(s)" in str(err)
            if permanent:
                self.state.mark(feed_url, entry.key, entry.link, "skipped", reason=str(err))
                report.skipped += 1
            else:
                self._fail(feed_url, entry, attempts, str(err), report)
            return None
        except httpx.HTTPError as err:
            self._fail(feed_url, entry, attempts, f"{type(err).__name__}: {err}", report)
            return None
        article = self._analyze(page.body, page.url, entry)
        if isinstance(article, Failure):
            self.store.save_failure(article)
            self._fail(feed_url, entry, attempts, f"{article.reason} [{article.code}]", report)
            return None
        self.store.save_article(article)
        self.state.mark(
            feed_url, entry.key, entry.link, "done", article_id=article.id, attempts=attempts + 1
        )
        report.stored += 1
        return article

    def _fail(
        self, feed_url: str, entry: Entry, attempts: int, reason: str, report: RoundReport
    ) -> None:
        self.state.mark(
            feed_url, entry.key, entry.link, "failed", reason=reason[:500], attempts=attempts + 1
        )
        report.failed += 1
        report.messages.append(f"{entry.link}: {reason}")

    def _analyze(self, body: bytes, url: str, entry: Entry) -> Article | Failure:
        items = read_bytes(body, url, self.config.limits, "html")
        result: Article | Failure = Failure(url, "watch", "no article in the page", "E104")
        for item in run(items, self.ctx):
            result = item
            break
        if isinstance(result, Failure):
            return result
        return dataclasses.replace(
            result,
            url=result.url or url,
            outlet=result.outlet or outlet_from_url(url),
            title=result.title or entry.title,
            published=result.published or entry.published,
        )

    # ------------------------------------------------------------------ stories

    def _assign(self, articles: list[Article]) -> int:
        if self._stories is None:
            self._stories = StoryAssigner(self.store)
        return self._stories.add(articles)


class StoryAssigner:
    """Incremental story assignment over the stories module's streaming index.

    The index is seeded with the stored articles of the grouping window, oldest first;
    each new batch is added, and every story that gained a copy is described again
    (origin, aligned claims, drift) and saved. A story's id derives from its first copy's
    id, so it is the same after a restart.
    """

    def __init__(self, store: Store) -> None:
        from lagebild.stories import GroupingOptions, StoryIndex

        self.store = store
        self.index = StoryIndex(GroupingOptions(), prefix="n")
        since = (date.today() - timedelta(days=self.index.options.window_days + 1)).isoformat()
        recent = list(store.iter_articles(ArticleFilter(since=since), limit=20_000))
        recent.sort(key=lambda a: (a.published or "9999", a.id))
        self.index.add_many(recent)

    def add(self, articles: list[Article]) -> int:
        import hashlib

        from lagebild.records import Story
        from lagebild.stories.build import describe

        fresh = [a for a in articles if a.id]
        numbers = set(self.index.add_many(fresh))
        groups = self.index.stories()
        stories = []
        for number in numbers:
            members = groups[number]
            if len(members) < 2:
                continue  # a story starts when a second copy arrives
            by_id = {a.id: a for a in fresh}
            missing = [m for m in members if m not in by_id]
            for article_id in missing:
                found = self.store.get_article(article_id)
                if found is not None:
                    by_id[article_id] = found
            members = [m for m in members if m in by_id]
            story_id = "w" + hashlib.sha256(members[0].encode()).hexdigest()[:12]
            stories.append(describe(Story(story_id, tuple(members), None), by_id))
        if stories:
            self.store.save_stories(stories)
        return len(stories)
