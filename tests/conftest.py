"""Shared fixtures: data trees (tracker, hostile + broken), AppTest factory, a real streamlit server and chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest
from trees import hostile_tree, tracker_tree

from policies import store as store_module

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
BROKEN_RECORD = "actions/broken-record-2025-01-01.yaml"
# Whatever reads "the data folder" by default (the CLI, the extractor's codebook words, the dashboard) reads the
# shared tree in code tests, never data/: curating the real data cannot break them. Content tests name data/.
os.environ["POLICIES_DATA_DIR"] = str(ROOT / "tests" / "fixtures" / "tracker")


@pytest.fixture(scope="session")
def hostile_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hostile tree (title `<img src=x onerror=alert(1)>`) plus one record that fails validation."""
    root = hostile_tree(tmp_path_factory.mktemp("hostile"))
    (root / BROKEN_RECORD).write_text("id: broken-record-2025-01-01\ntitle: [unclosed\n")
    return root


@pytest.fixture(scope="session")
def tracker_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shared tree code tests run on (see trees.py)."""
    return tracker_tree(tmp_path_factory.mktemp("tracker"))


@pytest.fixture(scope="session")
def tracker_store(tracker_data: Path):
    return store_module.load(tracker_data, use_cache=False)


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tracker_data: Path) -> Callable:
    """AppTest of dashboard.py on a data folder, opened with a query string and on a page (url_path)."""
    from streamlit.testing.v1 import AppTest
    from streamlit.util import calc_hash

    monkeypatch.setenv("POLICIES_CACHE_DIR", str(tmp_path / "cache"))

    def make(params: dict | None = None, page: str = "", data: Path | None = None) -> AppTest:
        from policies.ui import memo

        memo.clear()  # what pages remember is per process: a test that patches a page's constants starts afresh
        monkeypatch.setenv("POLICIES_DATA_DIR", str(data or tracker_data))
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=30)
        for key, value in (params or {}).items():
            at.query_params[key] = value
        at.run()
        if page:
            # Pages are callables registered under a url_path; Streamlit hashes the url_path into the page id.
            at._page_hash = calc_hash(page)
            at.run()
        return at

    return make


# --- a real server and a browser -----------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data: Path, cache: Path, env: dict[str, str] | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = os.environ | {"POLICIES_DATA_DIR": str(data), "POLICIES_CACHE_DIR": str(cache)} | (env or {})
        self.log = open(cache.parent / f"streamlit-{self.port}.log", "w+")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.headless",
                "true",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"streamlit exited early:\n{self.log.read()}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit did not answer within 60 s")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@pytest.fixture(scope="session")
def server(tracker_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The dashboard on the shared tree."""
    srv = Server(tracker_data, tmp_path_factory.mktemp("server") / "cache")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def hostile_server(hostile_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    srv = Server(hostile_data, tmp_path_factory.mktemp("hostile-server") / "cache")
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


DESKTOP = {"width": 1440, "height": 1000}
PHONE = {"width": 390, "height": 844}
# What a phone's browser sends: the first run lays charts out for a phone before the page has measured anything.
PHONE_AGENT = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"


class Page:
    """A chromium page that may reach only 127.0.0.1; records what it blocked, dialogs and page errors."""

    def __init__(self, browser, viewport: dict[str, int] = DESKTOP, user_agent: str | None = None) -> None:
        """A phone-sized page says it is a phone's browser unless `user_agent` says otherwise (a narrow desktop)."""
        agent = user_agent or (PHONE_AGENT if viewport["width"] < 600 else None)
        self.context = browser.new_context(viewport=viewport, user_agent=agent)
        self.page = self.context.new_page()
        self.blocked: list[str] = []
        self.requested: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _route(self, route) -> None:
        url = route.request.url
        host = urlparse(url).hostname
        if host in ("127.0.0.1", "localhost") or url.startswith(("data:", "blob:")):
            self.requested.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort()

    def open(self, url: str, timeout: float = 60_000) -> None:
        self.page.goto(url)
        self.wait_rendered(timeout)

    def wait_rendered(self, timeout: float = 60_000) -> None:
        """Streamlit's own done-rendering signal: connected, script not running, no skeletons."""
        self.page.wait_for_selector('[data-test-connection-state="CONNECTED"]', state="attached", timeout=timeout)
        self.page.wait_for_selector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]', state="attached", timeout=timeout
        )
        self.page.wait_for_selector('[data-testid="stSkeleton"]', state="detached", timeout=timeout)

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def browser_page(chromium) -> Iterator[Page]:
    page = Page(chromium)
    yield page
    page.context.close()
