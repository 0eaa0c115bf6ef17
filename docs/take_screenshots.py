# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Take the documentation screenshots of sales_model_crm.

Drives a headless Chromium through the Chrome DevTools Protocol (only the
``websocket-client`` package is needed, no Playwright/Selenium), against a
running Odoo 18 server that has ``sales_model_crm`` (and optionally
``sales_model_crm_reports``) installed with demo data.

Usage::

    python3 docs/take_screenshots.py http://127.0.0.1:8069 DB admin admin \
        [--lang zh_CN] [--out docs/screenshots] [--only customers_kanban ...]

Screenshots taken (see ``SHOTS``):

* ``customers_kanban.png`` - CRM > Customers, kanban grouped by tier (en_US);
* ``pareto.png`` - CRM > Reporting > Pareto Analysis graph (en_US);
* ``customer_form_<xx>.png`` - the form of 北京智联科技有限公司 on its
  "Company Profile" tab, in ``--lang`` (``customer_form.png`` in English
  when ``--lang`` is empty, en_US or not installed in the database);
* ``customers_kanban_<xx>.png`` - the kanban in ``--lang``, when installed;
* ``vp_dashboard_<xx>.png`` - CRM > Execution > VP Dashboard, the three
  questions (``vp_dashboard.png`` in English, as for the customer form).

The user's language is switched with a JSON-RPC ``res.users.write`` before
the localized shots and restored at the end.  For every localized shot, the
visible texts that still contain latin words are printed, to help spot
missing translations.  Every page is opened in a fresh browser context.
PNGs larger than ``--max-kb`` are converted to a palette image with Pillow.
Chinese text needs a CJK font on the machine (Debian: fonts-wqy-microhei or
fonts-noto-cjk), otherwise it renders as empty boxes.
"""

import argparse
import base64
import contextlib
import http.cookiejar
import io
import itertools
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

try:
    import websocket  # websocket-client
except ImportError:  # pragma: no cover
    sys.exit("websocket-client is required: pip install websocket-client")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "screenshots")
FORM_PARTNER_NAME = "北京智联科技有限公司"
CUSTOMERS_ACTION = "sales_model_crm.res_partner_action_sales_customers"

# lang: "en" = always en_US; "local" = --lang, or en_US (no suffix) without
# one; "local_only" = only taken in --lang.
SHOTS = [
    {
        "name": "customers_kanban",
        "action": CUSTOMERS_ACTION,
        "lang": "en",
        "ready": ".o_kanban_view .o_kanban_group",
    },
    {
        "name": "pareto",
        "action": "sales_model_crm.sales_customer_pareto_action",
        "lang": "en",
        "ready": ".o_graph_view .o_graph_renderer canvas",
    },
    {
        "name": "customer_form",
        "action": CUSTOMERS_ACTION,
        "lang": "local",
        "record": ("res.partner", FORM_PARTNER_NAME),
        "ready": ".o_form_view .o_notebook",
        "tab": "sales_company_profile",
    },
    {
        "name": "vp_dashboard",
        "action": "sales_model_crm.action_sales_vp_dashboard",
        "lang": "local",
        "ready": ".o_sales_vp_dashboard .o_vp_problems .o_vp_problems_open",
    },
    {
        "name": "customers_kanban",
        "action": CUSTOMERS_ACTION,
        "lang": "local_only",
        "ready": ".o_kanban_view .o_kanban_group",
    },
]

# Returns "login", "error", false (not ready) or true (ready).
JS_READY = r"""
(() => {
    if (document.readyState !== 'complete') return false;
    if (document.querySelector('form.oe_login_form, .o_login_auth')) {
        return 'login';
    }
    if (document.querySelector('.o_error_dialog, .o_dialog .o_error_detail')) {
        return 'error';
    }
    const visible = (el) => {
        const st = getComputedStyle(el);
        return st.display !== 'none' && st.visibility !== 'hidden'
            && el.getClientRects().length > 0;
    };
    if (!document.querySelector(
            '.o_action_manager .o_view_controller, .o_action_manager .o_action')) {
        return false;
    }
    const busy = document.querySelectorAll(
        '.o_loading_indicator, .o-main-components-container .o_loading, '
        + '.o_blockUI');
    for (const el of busy) {
        if (visible(el)) return false;
    }
    const extra = %s;
    if (extra && !document.querySelector(extra)) return false;
    return true;
})()
"""

# Visible texts and placeholders containing latin words (to spot
# untranslated strings in a localized shot).
JS_LATIN_TEXTS = r"""
(() => {
    const out = new Set();
    const latin = /[A-Za-z]{2,}/;
    const inView = (el) => {
        const r = el.getBoundingClientRect();
        return r.width && r.height && r.bottom > 0 && r.top < innerHeight
            && r.right > 0 && r.left < innerWidth;
    };
    const walker = document.createTreeWalker(
        document.body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
        const text = node.nodeValue.replace(/\s+/g, ' ').trim();
        if (!text || !latin.test(text)) continue;
        const el = node.parentElement;
        if (!el || el.closest('script, style, noscript, template')) continue;
        const st = getComputedStyle(el);
        if (st.display === 'none' || st.visibility === 'hidden') continue;
        if (inView(el)) out.add(text);
    }
    const inputs = document.querySelectorAll(
        'input[placeholder], textarea[placeholder]');
    for (const el of inputs) {
        if (inView(el) && !el.value && latin.test(el.placeholder)) {
            out.add('[placeholder] ' + el.placeholder);
        }
    }
    return Array.from(out);
})()
"""

# Close (and report) the toasts that would hide part of the page.
JS_TOASTS = r"""
(() => {
    const out = [];
    const toasts = document.querySelectorAll(
        '.o_notification_manager .o_notification');
    for (const n of toasts) {
        out.push(n.innerText.replace(/\s+/g, ' ').trim());
        const close = n.querySelector('.o_notification_close, button.btn-close');
        if (close) close.click(); else n.remove();
    }
    return out;
})()
"""

# Containers that overflow horizontally (content cut on the right).
JS_LAYOUT = r"""
(() => {
    const out = [];
    const sels = [
        'body', '.o_action_manager', '.o_content', '.o_kanban_renderer',
        '.o_form_sheet_bg', '.o_form_sheet', '.o_notebook',
        '.o_list_renderer', '.o_control_panel'];
    for (const sel of sels) {
        for (const el of document.querySelectorAll(sel)) {
            const clipped = el.scrollWidth > el.clientWidth + 1;
            if (clipped && getComputedStyle(el).overflowX !== 'visible') {
                out.push(`${sel} scrolls horizontally: `
                    + `${el.scrollWidth}px of content in ${el.clientWidth}px`);
            }
        }
    }
    return out;
})()
"""

JS_CLICK_TAB = r"""
(() => {
    const a = document.querySelector(
        '.o_notebook_headers a.nav-link[name="%s"]');
    if (!a) return false;
    a.click();
    return true;
})()
"""

JS_TAB_ACTIVE = (
    "!!document.querySelector('.o_notebook_headers a.nav-link.active[name=\"%s\"]')"
)


class ShotError(Exception):
    """A screenshot could not be taken."""


class OdooRPC:
    """Minimal JSON-RPC client keeping the session cookie."""

    def __init__(self, base_url, db):
        self.base_url = base_url.rstrip("/")
        self.db = db
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self._ids = itertools.count(1)
        self.uid = None

    def call(self, path, params):
        payload = {
            "jsonrpc": "2.0",
            "method": "call",
            "params": params,
            "id": next(self._ids),
        }
        req = urllib.request.Request(
            self.base_url + path,
            data=json.dumps(payload).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(req, timeout=180) as resp:
            data = json.loads(resp.read().decode())
        if data.get("error"):
            err = data["error"]
            msg = (err.get("data") or {}).get("message") or err.get("message")
            raise RuntimeError(f"JSON-RPC {path} failed: {msg}")
        return data.get("result")

    def login(self, login, password):
        res = self.call(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )
        if not res or not res.get("uid"):
            raise RuntimeError("authentication failed")
        self.uid = res["uid"]
        return res

    @property
    def session_id(self):
        for cookie in self.jar:
            if cookie.name == "session_id":
                return cookie.value
        raise RuntimeError("no session_id cookie after login")

    def call_kw(self, model, method, args, kwargs=None):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def set_lang(self, lang):
        self.call_kw("res.users", "write", [[self.uid], {"lang": lang}])


class CDPSession:
    """One DevTools websocket (browser or page target)."""

    def __init__(self, ws_url, verbose=False):
        self.ws = websocket.create_connection(ws_url, timeout=180, suppress_origin=True)
        self.verbose = verbose
        self._ids = itertools.count(1)
        self.events = []

    def send(self, method, params=None, timeout=180):
        msg_id = next(self._ids)
        self.ws.send(
            json.dumps({"id": msg_id, "method": method, "params": params or {}})
        )
        deadline = time.time() + timeout
        while time.time() < deadline:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"CDP {method}: {msg['error']}")
                return msg.get("result", {})
            if "method" in msg:
                self._on_event(msg)
        raise TimeoutError(f"CDP {method} timed out")

    def _on_event(self, msg):
        method = msg["method"]
        params = msg.get("params", {})
        event = None
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            text = (details.get("exception") or {}).get("description") or details.get(
                "text"
            )
            event = ("exception", str(text)[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            args = " ".join(
                str(a.get("value", a.get("description", "")))
                for a in params.get("args", [])
            )
            event = ("console.error", args[:300])
        if event:
            self.events.append(event)
            if self.verbose:
                print("   !", event, file=sys.stderr)

    def close(self):
        with contextlib.suppress(Exception):
            self.ws.close()


class Chromium:
    """Headless Chromium driven over the DevTools protocol.

    Every page is opened in its own browser context (like a fresh private
    window): the bus SharedWorker of a previous page would otherwise make
    Odoo show a sticky "The page is out of date" notification.
    """

    def __init__(self, binary, width, height, verbose=False):
        self.binary = binary
        self.width = width
        self.height = height
        self.verbose = verbose
        self.proc = None
        self.browser = None
        self.page = None
        self.profile = None
        self.port = None
        self._log = None
        self._context = None
        self._target = None

    @staticmethod
    def _free_port():
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            return sock.getsockname()[1]

    def start(self):
        self.profile = tempfile.mkdtemp(prefix="smc_shots_chromium_")
        self.port = self._free_port()
        args = [
            self.binary,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--lang=en-US",
            f"--user-data-dir={self.profile}",
            f"--remote-debugging-port={self.port}",
            "--remote-debugging-address=127.0.0.1",
            f"--window-size={self.width},{self.height}",
            "about:blank",
        ]
        log_path = os.path.join(self.profile, "chromium.log")
        self._log = open(log_path, "wb")  # noqa: SIM115 (kept for the process)
        self.proc = subprocess.Popen(args, stdout=self._log, stderr=subprocess.STDOUT)
        version_url = f"http://127.0.0.1:{self.port}/json/version"
        deadline = time.time() + 120
        ws_url = None
        while time.time() < deadline and not ws_url:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chromium exited early, see {log_path}")
            try:
                with urllib.request.urlopen(version_url, timeout=5) as resp:
                    ws_url = json.loads(resp.read().decode())["webSocketDebuggerUrl"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.5)
        if not ws_url:
            raise RuntimeError("chromium DevTools endpoint did not come up")
        self.browser = CDPSession(ws_url, self.verbose)

    def open_page(self, cookies=()):
        """Open a blank page in a fresh browser context, with ``cookies``."""
        self.close_page()
        self._context = self.browser.send("Target.createBrowserContext")[
            "browserContextId"
        ]
        self._target = self.browser.send(
            "Target.createTarget",
            {"url": "about:blank", "browserContextId": self._context},
        )["targetId"]
        self.page = CDPSession(
            f"ws://127.0.0.1:{self.port}/devtools/page/{self._target}", self.verbose
        )
        for method in ("Page.enable", "Runtime.enable", "Network.enable"):
            self.page.send(method)
        self.page.send(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": self.width,
                "height": self.height,
                "deviceScaleFactor": 1,
                "mobile": False,
            },
        )
        for url, name, value in cookies:
            cookie = {"name": name, "value": value, "url": url, "path": "/"}
            cookie["httpOnly"] = True
            if not self.page.send("Network.setCookie", cookie).get("success", True):
                raise RuntimeError("Network.setCookie failed")

    def close_page(self):
        if self.page:
            self.page.close()
            self.page = None
        if self._target:
            with contextlib.suppress(Exception):
                self.browser.send("Target.closeTarget", {"targetId": self._target})
            self._target = None
        if self._context:
            with contextlib.suppress(Exception):
                self.browser.send(
                    "Target.disposeBrowserContext",
                    {"browserContextId": self._context},
                )
            self._context = None

    @property
    def events(self):
        return self.page.events if self.page else []

    def evaluate(self, expression, await_promise=False):
        res = self.page.send(
            "Runtime.evaluate",
            {
                "expression": expression,
                "returnByValue": True,
                "awaitPromise": await_promise,
            },
        )
        if res.get("exceptionDetails"):
            raise RuntimeError(f"JS error: {res['exceptionDetails'].get('text')}")
        return res.get("result", {}).get("value")

    def navigate(self, url):
        self.page.send("Page.navigate", {"url": url})

    def wait_for(self, expression, timeout=180, stable=2, interval=0.5):
        """Poll ``expression`` until it is true ``stable`` times in a row.

        Returns True, or the last value ("login", "error", false...).
        """
        deadline = time.time() + timeout
        hits = 0
        value = None
        while time.time() < deadline:
            try:
                value = self.evaluate(expression)
            except RuntimeError:
                value = False  # page still navigating
            if value in ("login", "error"):
                return value
            hits = hits + 1 if value is True else 0
            if hits >= stable:
                return True
            time.sleep(interval)
        return value

    def screenshot(self):
        res = self.page.send(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": False, "fromSurface": True},
        )
        return base64.b64decode(res["data"])

    def stop(self):
        with contextlib.suppress(Exception):
            self.close_page()
        if self.browser:
            self.browser.close()
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        if self._log:
            self._log.close()
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)


def shrink_png(data, max_bytes):
    """Return ``data`` unchanged if small enough, else a palette PNG."""
    if len(data) <= max_bytes:
        return data
    try:
        from PIL import Image
    except ImportError:
        print(f"   Pillow missing: PNG left at {len(data) // 1024} KB")
        return data
    img = Image.open(io.BytesIO(data)).convert("RGB")
    best = data
    for colors in (256, 128, 64):
        pal = img.quantize(
            colors=colors, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE
        )
        buf = io.BytesIO()
        pal.save(buf, format="PNG", optimize=True)
        if len(buf.getvalue()) < len(best):
            best = buf.getvalue()
        if len(best) <= max_bytes:
            break
    return best


def plan_shots(local, only=None):
    """Yield ``(file name, lang, shot)`` for the shots to take."""
    suffix = "_" + local.split("_")[0].lower() if local else ""
    for shot in SHOTS:
        if shot["lang"] == "en":
            lang, name = "en_US", shot["name"]
        elif shot["lang"] == "local":
            lang, name = local or "en_US", shot["name"] + suffix
        elif local:
            lang, name = local, shot["name"] + suffix
        else:
            continue
        if not only or name in only:
            yield name, lang, shot


def shot_url(rpc, base, shot):
    url = f"{base}/odoo/action-{shot['action']}"
    if shot.get("record"):
        model, rec_name = shot["record"]
        recs = rpc.call_kw(
            model,
            "search_read",
            [[("name", "=", rec_name)]],
            {"fields": ["id"], "limit": 1, "context": {"active_test": False}},
        )
        if not recs:
            raise ShotError(f"no {model} named {rec_name}")
        url += f"/{recs[0]['id']}"
    return url


def take_shot(browser, rpc, args, name, lang, shot):
    """Take one screenshot; return the path of the PNG written."""
    base = args.base_url.rstrip("/")
    url = shot_url(rpc, base, shot)
    print(f"-> {name}: {url} [{lang}]")
    browser.open_page([(base + "/", "session_id", rpc.session_id)])
    browser.navigate(url)
    time.sleep(1)
    ready = JS_READY % json.dumps(shot.get("ready") or "")
    state = browser.wait_for(ready, timeout=args.timeout)
    if state is not True:
        failed = os.path.join(args.out, f"_failed_{name}.png")
        with open(failed, "wb") as fh:
            fh.write(browser.screenshot())
        raise ShotError(f"page not ready ({state!r}), see {failed}")
    if shot.get("tab"):
        if not browser.evaluate(JS_CLICK_TAB % shot["tab"]):
            raise ShotError(f"notebook tab {shot['tab']} not found")
        if browser.wait_for(JS_TAB_ACTIVE % shot["tab"], timeout=30) is not True:
            raise ShotError(f"notebook tab {shot['tab']} did not open")
    # let web fonts, chart animations and late rendering settle
    browser.evaluate("document.fonts.ready.then(() => true)", await_promise=True)
    time.sleep(args.settle)
    if browser.evaluate("!!document.querySelector('.o_view_sample_data')"):
        print("   note: the view shows SAMPLE data (no real records)")
    toasts = browser.evaluate(JS_TOASTS) or []
    for toast in toasts:
        print(f"   note: closed notification {toast!r}")
    if toasts:
        time.sleep(1)
    for issue in browser.evaluate(JS_LAYOUT) or []:
        print(f"   layout: {issue}")
    data = shrink_png(browser.screenshot(), args.max_kb * 1024)
    path = os.path.join(args.out, name + ".png")
    with open(path, "wb") as fh:
        fh.write(data)
    print(f"   saved {path} ({len(data) // 1024} KB)")
    for kind, text in browser.events:
        print(f"   browser {kind}: {text}")
    if lang != "en_US":
        texts = browser.evaluate(JS_LATIN_TEXTS) or []
        if texts:
            print(f"   visible texts with latin letters in {lang}:")
        for text in texts:
            print(f"     - {text}")
    return path


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url", help="Odoo base URL, e.g. http://127.0.0.1:8069")
    parser.add_argument("db", help="database name")
    parser.add_argument("login")
    parser.add_argument("password")
    parser.add_argument(
        "--lang",
        default="zh_CN",
        help="language of the localized shots (default zh_CN; '' for none)",
    )
    parser.add_argument(
        "--out", default=DEFAULT_OUT, help="output folder (default docs/screenshots)"
    )
    parser.add_argument("--only", nargs="*", help="only these file names (no .png)")
    parser.add_argument(
        "--chromium", default=shutil.which("chromium") or "/usr/bin/chromium"
    )
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument(
        "--settle", type=float, default=2.0, help="seconds to wait once idle"
    )
    parser.add_argument(
        "--timeout", type=float, default=240, help="seconds to wait for a page"
    )
    parser.add_argument(
        "--max-kb", type=int, default=300, help="shrink PNGs above this size"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    os.makedirs(args.out, exist_ok=True)

    rpc = OdooRPC(args.base_url, args.db)
    rpc.login(args.login, args.password)
    original_lang = rpc.call_kw("res.users", "read", [[rpc.uid], ["lang"]])[0]["lang"]

    local = args.lang if args.lang and args.lang != "en_US" else ""
    domain = [("code", "=", local), ("active", "=", True)]
    if local and not rpc.call_kw("res.lang", "search_count", [domain]):
        print(f"language {local} is not active in {args.db}: no localized shots")
        local = ""

    failures = []
    written = []
    browser = Chromium(args.chromium, args.width, args.height, verbose=args.verbose)
    current_lang = original_lang
    try:
        browser.start()
        for name, lang, shot in plan_shots(local, args.only):
            if lang != current_lang:
                rpc.set_lang(lang)
                current_lang = lang
            try:
                written.append(take_shot(browser, rpc, args, name, lang, shot))
            except ShotError as exc:
                print(f"   FAILED: {exc}")
                failures.append(f"{name}: {exc}")
    finally:
        browser.stop()
        if current_lang != original_lang:
            try:
                rpc.set_lang(original_lang)
            except (OSError, RuntimeError) as exc:
                print(f"could not restore the user's language: {exc}")

    for failure in failures:
        print("FAILED:", failure)
    print(f"{len(written)} screenshot(s) written")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
