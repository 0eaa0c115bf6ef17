# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every HTTP route of our two addons, reviewed, and what it gives away.

``EXPECTED_ROUTES`` is the reviewed list: each route our controllers define or
override, with its auth, csrf, type and methods. The routes are found by
introspection (the routing Odoo builds for the installed modules), so a new
route, or a changed auth, fails ``test_every_route_is_reviewed`` until it is
written down here. A route open to the public (auth "public" or "none") also
needs its reason in ``REVIEWED_PUBLIC_ROUTES``: there is none today.
"""

from odoo import Command, http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from odoo.addons.sales_model_crm.tests.test_quota_portal import SalesQuotaPortalCommon

OUR_ADDONS = ("sales_model_crm", "sales_model_crm_reports")
QUOTA_SHEET = "sales_model_crm_reports.quota_sheet_xlsx"

# url -> (endpoint, auth, csrf, type, methods)
EXPECTED_ROUTES = {
    # the agent's quotas: read as the portal user, the record rules and the
    # controller's domain keep them to the user's own agent
    "/my/quotas": ("portal_my_quotas", "user", True, "http", None),
    "/my/quotas/page/<int:page>": ("portal_my_quotas", "user", True, "http", None),
    "/my/quotas/<int:quota_id>": ("portal_my_quota", "user", True, "http", None),
    # the bulletin board: recipients only. Opening one sets the reader's own
    # read receipt on a GET; reviewed: it changes nothing but that receipt
    "/my/announcements": ("portal_my_announcements", "user", True, "http", None),
    "/my/announcements/page/<int:page>": (
        "portal_my_announcements",
        "user",
        True,
        "http",
        None,
    ),
    "/my/announcements/<int:announcement_id>": (
        "portal_my_announcement",
        "user",
        True,
        "http",
        None,
    ),
    # report download (web's route, overridden to name the workbook): the
    # report renders as the user, and each workbook refuses users outside
    # its groups (_check_report_access)
    "/report/<converter>/<reportname>": ("report_routes", "user", True, "http", None),
    "/report/<converter>/<reportname>/<docids>": (
        "report_routes",
        "user",
        True,
        "http",
        None,
    ),
}

# url -> why a public or unauthenticated route is safe (none today)
REVIEWED_PUBLIC_ROUTES = {}


def our_routes(modules):
    """{url: (endpoint, auth, csrf, type, methods)} of the routes a controller
    of our addons defines or overrides, as Odoo merges them."""
    routes = {}
    for url, endpoint in http._generate_routing_rules(modules, nodb_only=False):
        controller = endpoint.func.__self__
        name = endpoint.__name__
        definers = [
            cls.__module__
            for cls in type(controller).mro()
            if name in cls.__dict__ and cls.__module__.startswith("odoo.addons.")
        ]
        if not any(module.split(".")[2] in OUR_ADDONS for module in definers):
            continue
        routing = endpoint.routing
        methods = routing.get("methods")
        routes[url] = (
            name,
            routing.get("auth"),
            # Odoo checks the CSRF token of http routes unless csrf=False
            routing.get("csrf", True),
            routing.get("type"),
            tuple(sorted(methods)) if methods else None,
        )
    return routes


@tagged("post_install", "-at_install")
class TestRouteTable(SalesQuotaPortalCommon):
    def _routes(self):
        modules = (
            self.env["ir.module.module"]
            .search([("state", "=", "installed")])
            .mapped("name")
        )
        return our_routes(modules)

    def test_every_route_is_reviewed(self):
        routes = self._routes()
        problems = [
            f"{url}: {found} is not reviewed (expected {EXPECTED_ROUTES.get(url)})"
            for url, found in sorted(routes.items())
            if EXPECTED_ROUTES.get(url) != found
        ]
        problems += [
            f"{url}: reviewed but gone"
            for url in sorted(set(EXPECTED_ROUTES) - set(routes))
        ]
        self.assertFalse(problems, "routes to review:\n" + "\n".join(problems))

    def test_no_public_route_without_a_reviewed_reason(self):
        public = [
            url
            for url, (_name, auth, _csrf, _type, _methods) in self._routes().items()
            if auth in ("public", "none") and not REVIEWED_PUBLIC_ROUTES.get(url)
        ]
        self.assertFalse(public, f"public routes nobody reviewed: {public}")

    def test_no_route_turns_csrf_off(self):
        off = [url for url, found in self._routes().items() if found[2] is False]
        self.assertFalse(off, f"routes without the CSRF check: {off}")


@tagged("post_install", "-at_install")
class TestRoutesGiveNothingAway(SalesQuotaPortalCommon, HttpCase):
    """Each route, anonymous and as the portal contact of another agent."""

    def _urls(self):
        """One concrete URL per reviewed route, on the Tianjin agent's data."""
        return {
            "/my/quotas": "/my/quotas",
            "/my/quotas/page/<int:page>": "/my/quotas/page/2",
            "/my/quotas/<int:quota_id>": f"/my/quotas/{self.agent_quota.id}",
            "/my/announcements": "/my/announcements",
            "/my/announcements/page/<int:page>": "/my/announcements/page/2",
            "/my/announcements/<int:announcement_id>": (
                f"/my/announcements/{self.announcement.id}"
            ),
            "/report/<converter>/<reportname>": f"/report/xlsx/{QUOTA_SHEET}",
            "/report/<converter>/<reportname>/<docids>": (
                f"/report/xlsx/{QUOTA_SHEET}/{self.agent_quota.id}"
            ),
        }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.announcement = (
            cls.env["sales.announcement"]
            .with_user(cls.team_manager)
            .create(
                {
                    "name": "Test Tianjin price list",
                    "body": "<p>Tianjin prices change on the first.</p>",
                    "company_id": cls.company.id,
                    "agent_ids": [Command.set(cls.agent.ids)],
                }
            )
        )
        cls.announcement.action_publish()

    def test_every_reviewed_route_is_exercised_here(self):
        self.assertEqual(set(self._urls()), set(EXPECTED_ROUTES))

    def test_anonymous_visitor_is_sent_to_login_and_gets_no_data(self):
        for pattern, url in self._urls().items():
            with self.subTest(route=pattern):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (302, 303), url)
                self.assertIn("/web/login", response.headers.get("Location", ""))
                for secret in ("Tianjin", "84,000", "100,000"):
                    self.assertNotIn(secret, response.text)

    def test_anonymous_post_is_refused(self):
        # the CSRF check and the login both stand in the way of a forged POST
        for pattern, url in self._urls().items():
            with self.subTest(route=pattern), mute_logger("odoo.http"):
                response = self.url_open(url, data={}, allow_redirects=False)
                self.assertNotEqual(response.status_code, 200, url)
                self.assertNotIn("Tianjin", response.text)

    def test_other_agents_contact_gets_nothing_of_the_tianjin_agent(self):
        self.authenticate("smc_agent_hebei", "smc_agent_hebei")
        # the lists show the Hebei agent's own quota, not Tianjin's
        page = self.url_open("/my/quotas").text
        self.assertIn(f'href="/my/quotas/{self.other_quota.id}"', page)
        self.assertNotIn(f'href="/my/quotas/{self.agent_quota.id}"', page)
        self.assertNotIn("Tianjin", page)
        page = self.url_open("/my/announcements").text
        self.assertNotIn("Tianjin price list", page)
        # opening Tianjin's records directly sends the user home
        for url in (
            f"/my/quotas/{self.agent_quota.id}",
            f"/my/quotas/{self.plan.quota_id.id}",
            f"/my/announcements/{self.announcement.id}",
        ):
            with self.subTest(url=url):
                response = self.url_open(url, allow_redirects=False)
                self.assertIn(response.status_code, (302, 303), url)
                self.assertTrue(response.headers["Location"].endswith("/my"), url)
        # nor does the workbook route render Tianjin's quota, or any quota
        for url in (
            f"/report/xlsx/{QUOTA_SHEET}/{self.agent_quota.id}",
            f"/report/xlsx/{QUOTA_SHEET}/{self.other_quota.id}",
        ):
            with self.subTest(url=url), mute_logger("odoo.http"):
                response = self.url_open(url)
                self.assertNotEqual(response.status_code, 200, url)
                self.assertNotIn("spreadsheet", response.headers["Content-Type"])
                self.assertNotIn("Tianjin", response.text)
        # the read receipt of an announcement not sent to the user stays unset
        self.assertFalse(
            self.announcement.receipt_ids.filtered(
                lambda receipt: receipt.user_id == self.other_agent_portal_user
                and receipt.read_date
            )
        )

    def test_tianjin_contact_still_reads_own_pages(self):
        # the positive side: the same URLs do serve the agent's own contact
        self.authenticate("smc_agent_tianjin", "smc_agent_tianjin")
        self.assertIn(
            "84,000.00", self.url_open(f"/my/quotas/{self.agent_quota.id}").text
        )
        response = self.url_open(f"/my/announcements/{self.announcement.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Tianjin prices change", response.text)
