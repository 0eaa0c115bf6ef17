# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_quota import SalesQuotaCommon

QUOTA_VIEW_TYPES = ("list", "form", "kanban", "search", "pivot", "graph")
WORKLOAD_FIELDS = (
    "avg_deal_size",
    "prospects_per_deal",
    "calls_per_prospect",
    "working_days",
    "workload_deals",
    "workload_prospects",
    "workload_calls",
    "workload_daily_calls",
    "workload_deals_minimum",
    "workload_daily_calls_minimum",
    "workload_deals_stretch",
    "workload_daily_calls_stretch",
)


@tagged("post_install", "-at_install")
class TestQuotaViews(SalesQuotaCommon):
    """Every role opens the quota views, and sees what its role allows."""

    def _views(self, model, user, view_types, view_ids=None):
        view_ids = view_ids or {}
        views = [
            (view_ids.get(view_type, False), view_type) for view_type in view_types
        ]
        result = (
            self.env[model]
            .with_user(user)
            .with_company(self.company)
            .get_views(views, {"load_filters": True})
        )
        return {
            view_type: etree.fromstring(view["arch"])
            for view_type, view in result["views"].items()
        }

    @staticmethod
    def _field_names(arch):
        return {node.get("name") for node in arch.iter("field")}

    def test_every_role_opens_every_quota_view(self):
        for user in (self.salesman_li, self.team_manager, self.director):
            with self.subTest(user=user.login):
                archs = self._views("sales.quota", user, QUOTA_VIEW_TYPES)
                self.assertEqual(set(archs), set(QUOTA_VIEW_TYPES))

    def test_the_form_shows_the_decomposition_to_everyone(self):
        for user in (self.salesman_li, self.team_manager, self.director):
            with self.subTest(user=user.login):
                form = self._views("sales.quota", user, ["form"])["form"]
                self.assertTrue(form.xpath("//page[@name='decomposition']"))
                missing = set(WORKLOAD_FIELDS) - self._field_names(form)
                self.assertFalse(missing)

    def test_list_and_kanban_draw_the_progress_bar(self):
        archs = self._views("sales.quota", self.salesman_li, ["list", "kanban"])
        for view_type in ("list", "kanban"):
            self.assertTrue(
                archs[view_type].xpath(
                    "//field[@name='attainment'][@widget='quota_progress']"
                ),
                view_type,
            )

    def test_only_a_director_sees_reset_to_draft_and_settle(self):
        buttons = {}
        for user in (self.salesman_li, self.team_manager, self.director):
            form = self._views("sales.quota", user, ["form"])["form"]
            buttons[user] = {node.get("name") for node in form.iter("button")}
        self.assertNotIn("action_confirm", buttons[self.salesman_li])
        self.assertIn("action_refresh_progress", buttons[self.salesman_li])
        self.assertIn("action_confirm", buttons[self.team_manager])
        self.assertNotIn("action_reset_to_draft", buttons[self.team_manager])
        self.assertNotIn("action_settle", buttons[self.team_manager])
        self.assertIn("action_reset_to_draft", buttons[self.director])
        self.assertIn("action_settle", buttons[self.director])

    def test_search_offers_the_period_and_pace_filters(self):
        search = self._views("sales.quota", self.team_manager, ["search"])["search"]
        filters = {node.get("name") for node in search.iter("filter")}
        self.assertLessEqual(
            {
                "my_quotas",
                "my_team",
                "this_period",
                "behind_pace",
                "below_minimum",
                "draft",
                "confirmed",
                "settled",
                "group_period",
                "group_agent",
                "group_tier_reached",
            },
            filters,
        )

    def test_this_period_filter_finds_the_quota_of_today(self):
        span_type = self._period_type("Test Span", "custom")
        today = self.env["date.range"].create(
            {
                "name": "Test current span",
                "type_id": span_type.id,
                "date_start": "2000-01-01",
                "date_end": "2099-12-31",
                "company_id": self.company.id,
            }
        )
        current = self._quota(today, self.salesman_li, 10000)
        past = self._quota(self.jan, self.salesman_li, 10000)
        search = self._views("sales.quota", self.director, ["search"])["search"]
        domain = search.xpath("//filter[@name='this_period']")[0].get("domain")
        quotas = (
            self.env["sales.quota"]
            .with_user(self.director)
            .search(self._eval_domain(domain) + [("company_id", "=", self.company.id)])
        )
        self.assertIn(current, quotas)
        self.assertNotIn(past, quotas)

    def _eval_domain(self, domain):
        return safe_eval(domain, {"context_today": date.today, "uid": self.env.uid})

    def test_the_quota_actions_open_for_a_salesperson(self):
        for xmlid in (
            "sales_model_crm.sales_quota_action",
            "sales_model_crm.sales_quota_action_my",
        ):
            with self.subTest(action=xmlid):
                action = (
                    self.env["ir.actions.act_window"]
                    .with_user(self.salesman_li)
                    ._for_xml_id(xmlid)
                )
                self.assertEqual(action["res_model"], "sales.quota")
                self.assertIn("search_default_this_period", action["context"])

    def test_settlement_views_are_read_only(self):
        for user in (self.salesman_li, self.team_manager, self.director):
            with self.subTest(user=user.login):
                archs = self._views(
                    "sales.quota.settlement", user, ["list", "form", "pivot", "search"]
                )
                self.assertEqual(archs["list"].get("create"), "0")
                self.assertEqual(archs["form"].get("create"), "0")

    def test_a_director_opens_the_periods_and_the_generator(self):
        action = self.env.ref("sales_model_crm.date_range_action_sales")
        list_view = action.view_ids.filtered(lambda view: view.view_mode == "list")
        archs = self._views(
            "date.range",
            self.director,
            ["list", "form", "search"],
            {
                "list": list_view.view_id.id,
                "search": action.search_view_id.id,
            },
        )
        self.assertEqual(archs["list"].get("editable"), "bottom")
        self.assertIn("sales_cycle", self._field_names(archs["list"]))
        self._views("date.range.type", self.director, ["list", "form", "search"])
        self._views("sales.period.generate", self.director, ["form"])

    def test_agent_fields_show_on_partners_orders_and_invoices(self):
        cases = (
            ("res.partner", "form", "sales_agent_id"),
            ("res.partner", "form", "sales_agent_customer_ids"),
            ("res.partner", "search", "sales_agent_id"),
            ("sale.order", "form", "sales_agent_id"),
            ("sale.order", "search", "sales_agent_id"),
            ("account.move", "search", "sales_agent_id"),
        )
        for model, view_type, field in cases:
            with self.subTest(model=model, view_type=view_type, field=field):
                arch = self._views(model, self.director, [view_type])[view_type]
                self.assertIn(field, self._field_names(arch))
        invoice_form = (
            self.env["account.move"]
            .with_user(self.invoicing_user)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn('name="sales_agent_id"', invoice_form)

    def test_settings_show_the_quota_block(self):
        arch = self._views("res.config.settings", self.env.user, ["form"])["form"]
        fields = self._field_names(arch)
        self.assertIn("sales_quota_split_check", fields)
        self.assertIn("sales_quota_timezone", fields)
