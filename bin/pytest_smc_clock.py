# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run the test suite "at another hour": the pytest plugin side of ``bin/test``.

``SMC_TEST_CLOCKS="now 23:30 00:30" bin/test`` runs pytest again under Debian's
libfaketime with the wall clock moved to 23:30, then 00:30 UTC of the current UTC
day (``FAKETIME=+<seconds>``, one offset for the whole run). PostgreSQL's clock
is not moved: the UTC date stays the same, only the hour changes. This plugin,
loaded with ``-p pytest_smc_clock``, mends what libfaketime alone gets wrong:

- the monotonic clock is left alone (``FAKETIME_DONT_FAKE_MONOTONIC=1``): with it
  faked, every lock or event wait with a timeout hangs. libfaketime 0.9.10 then
  answers ``clock_nanosleep`` on the monotonic clock with EINVAL, which breaks
  ``time.sleep``; sleeping through ``select`` works, so ``time.sleep`` does that.
- Chromium does not start under libfaketime (its zygote hangs): the browser of the
  tours runs without it, and every page it opens has its ``Date`` moved by the same
  offset before any of Odoo's scripts run, so the tours see the faked hour too.

Without ``SMC_CLOCK_OFFSET`` the plugin does nothing.
"""

import json
import os
import select
import time

OFFSET = os.environ.get("SMC_CLOCK_OFFSET")

# Date with the wall clock moved by OFFSET_MS; everything else is the real Date.
DATE_SHIM = """
(() => {
    const offset = %(offset_ms)d;
    const RealDate = Date;
    function FakeDate(...args) {
        if (!new.target) {
            return new RealDate(RealDate.now() + offset).toString();
        }
        const now = RealDate.now() + offset;
        return args.length ? new RealDate(...args) : new RealDate(now);
    }
    FakeDate.prototype = RealDate.prototype;
    FakeDate.now = () => RealDate.now() + offset;
    FakeDate.UTC = RealDate.UTC;
    FakeDate.parse = RealDate.parse;
    globalThis.Date = FakeDate;
})();
"""


def _sleep(seconds):
    """``time.sleep`` without ``clock_nanosleep`` (see the module's docstring)."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        select.select([], [], [], left)


def _patch_chrome(offset_ms):
    from odoo.tests import common

    init = common.ChromeBrowser.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._websocket_request(
            "Page.addScriptToEvaluateOnNewDocument",
            params={"source": DATE_SHIM % {"offset_ms": offset_ms}},
        )

    common.ChromeBrowser.__init__ = __init__


def pytest_configure(config):
    if not OFFSET:
        return
    time.sleep = _sleep
    # children (Chromium, LibreOffice) run on the real clock: see above. Only
    # LD_PRELOAD goes: libfaketime reads FAKETIME again every few seconds, so
    # without it this process would go back to the real clock.
    os.environ.pop("LD_PRELOAD", None)
    _patch_chrome(int(float(OFFSET) * 1000))


def pytest_report_header(config):
    if OFFSET:
        now = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
        return f"smc clock: moved by {json.dumps(float(OFFSET))} s, now {now}"
    return None
