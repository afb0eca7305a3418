"""Drive Debian's headless Chromium over the DevTools protocol: open a page as a logged-in user, wait
until it has drawn, take a screenshot.

``--screenshot`` on the command line cannot log in, and a dashboard behind a login renders only
its login form; the DevTools protocol can set the session cookie a real login gave. Chromium is
started with a fresh profile and every background download switched off (the network is closed).
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from websockets.sync.client import connect

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-port=0",
]


class Page:
    """One browser tab, attached over the DevTools protocol (flattened session)."""

    def __init__(self, socket, session_id: str) -> None:
        self._socket, self._session, self._ids = socket, session_id, itertools.count(1000)

    def send(self, method: str, **params) -> dict:
        return _call(self._socket, self._ids, method, params, self._session)

    def evaluate(self, expression: str):
        answer = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return answer["result"].get("value")

    def wait_for(self, expression: str, timeout: float) -> bool:
        """True once ``expression`` is truthy in the page; False at the deadline."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.evaluate(expression):
                return True
            time.sleep(1)
        return False

    def screenshot(self) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", format="png")["data"])


@contextmanager
def open_page(url: str, cookies: dict[str, str], width: int = 1400, height: int = 1800) -> Iterator[Page]:
    """A tab showing ``url`` with ``cookies`` set for its site, in a browser started for it alone."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        browser = subprocess.Popen(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            socket = connect(_browser_endpoint(Path(profile), browser), max_size=None, open_timeout=30)
            with socket:
                ids = itertools.count(1)
                target = _call(socket, ids, "Target.createTarget", {"url": "about:blank"})["targetId"]
                session = _call(socket, ids, "Target.attachToTarget", {"targetId": target, "flatten": True})
                page = Page(socket, session["sessionId"])
                page.send("Network.enable")
                for name, value in cookies.items():
                    page.send("Network.setCookie", name=name, value=value, url=url)
                page.send(
                    "Emulation.setDeviceMetricsOverride",
                    width=width,
                    height=height,
                    deviceScaleFactor=1,
                    mobile=False,
                )
                page.send("Page.enable")
                page.send("Page.navigate", url=url)
                yield page
        finally:
            _stop(browser)


def _stop(browser: subprocess.Popen) -> None:
    """End the browser and every helper process it started.

    Chromium's renderer, GPU and crash-handler processes outlive the main one for a moment and go
    on writing into the profile, so removing the profile after ``terminate()`` alone raced them
    ("Directory not empty: 'Default'"). The browser runs in its own session: the whole group is
    signalled, and killed if it has not gone within the grace period.
    """
    for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 15)):
        try:
            os.killpg(browser.pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline and _group_alive(browser.pid):
            browser.poll()
            time.sleep(0.2)
        if not _group_alive(browser.pid):
            break
    browser.wait(timeout=30)


def _group_alive(group: int) -> bool:
    """True while any process of the group is left (signal 0 tests without sending)."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    return True


def _browser_endpoint(profile: Path, browser: subprocess.Popen, timeout: float = 60) -> str:
    """The browser's DevTools websocket, from the DevToolsActivePort file it writes on start."""
    port_file = profile / "DevToolsActivePort"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if browser.poll() is not None:
            raise RuntimeError(f"chromium exited with {browser.returncode}")
        if port_file.exists() and len(lines := port_file.read_text().split()) >= 2:
            return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
        time.sleep(0.2)
    raise TimeoutError("chromium did not open its DevTools port")


def _call(socket, ids: Iterator[int], method: str, params: dict, session: str | None = None) -> dict:
    """Send one command and return its result, skipping the events that arrive meanwhile."""
    message_id = next(ids)
    message = {"id": message_id, "method": method, "params": params}
    if session:
        message["sessionId"] = session
    socket.send(json.dumps(message))
    while True:
        answer = json.loads(socket.recv(timeout=120))
        if answer.get("id") == message_id:
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            return answer.get("result", {})
