# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Two companies, one user: with company A active, nothing of company B.

The director here belongs to both companies and sees every document of a
company (group_sale_manager): only the multi-company rules stand between them
and company B, so each test shows those rules (or the company filters of our
own SQL) at work. Quota actuals, review figures, dashboard numbers and tiers
are computed per company and never mix them, even for the same salesperson.
"""

from datetime import date, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon
from odoo.addons.sales_model_crm.tests.test_quota_actuals import QuotaDocumentsMixin

QUOTA_SHEET = "sales_model_crm_reports.quota_sheet_xlsx"


@tagged("post_install", "-at_install")
class TestMultiCompany(QuotaDocumentsMixin, SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # days counted in UTC, whatever the test users' time zones
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))
        cls.company_a = cls.company
        cls.company_b = cls._create_company_with_chart("Test Harbin Ice Co")
        both = cls.company_a | cls.company_b
        # Li sells for both companies: the same salesperson on both sides
        cls.salesman_li.company_ids = [Command.set(both.ids)]
        cls.director_ab = new_test_user(
            cls.env,
            login="smc_mc_director",
            groups="sales_team.group_sale_manager,base.group_user",
            company_id=cls.company_a.id,
            company_ids=[Command.set(both.ids)],
        )
        cls.water = cls._product("Test Ice 5 kg")
        cls.today = fields.Date.context_today(cls.env["sales.daily.review"])
        cls.b = cls._company_b_records()

    @classmethod
    def _company_b_records(cls):
        """One record of company B per model a user could read."""
        env_b = cls.env(
            context=dict(cls.env.context, allowed_company_ids=cls.company_b.ids)
        )
        company = cls.company_b.id
        month_type = env_b["date.range.type"].create(
            {"name": "Test B Month", "sales_cycle": "month", "company_id": company}
        )
        period = env_b["date.range"].create(
            {
                "name": "Test B 2030-01",
                "type_id": month_type.id,
                "date_start": date(2030, 1, 1),
                "date_end": date(2030, 1, 31),
                "company_id": company,
            }
        )
        customer = env_b["res.partner"].create(
            {
                "name": "Test Harbin Hotel",
                "is_company": True,
                "company_id": company,
                "user_id": cls.salesman_li.id,
                "sales_kind_ids": [Command.set(cls.kind_customer.ids)],
            }
        )
        # Odoo keeps a salesperson's teams in their main company or in none:
        # Li's team for company B's work is a team of no company
        cls.team_b = team = env_b["crm.team"].create(
            {
                "name": "Test Harbin Team",
                "company_id": False,
                "member_ids": [Command.set(cls.salesman_li.ids)],
            }
        )
        quota = env_b["sales.quota"].create(
            {
                "period_id": period.id,
                "owner_type": "user",
                "user_id": cls.salesman_li.id,
                "minimum": 800,
                "target": 1000,
                "stretch": 1200,
                "company_id": company,
            }
        )
        order = env_b["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": cls.salesman_li.id,
                "team_id": team.id,
                "company_id": company,
                "order_line": [
                    Command.create(
                        {"product_id": cls.water.id, "price_unit": 500, "tax_id": []}
                    )
                ],
            }
        )
        order.action_confirm()
        records = {
            "res.partner": customer,
            "date.range": period,
            "sales.quota": quota,
            "sales.plan": env_b["sales.plan"].create(
                {
                    "name": "Test Harbin plan",
                    "period_id": period.id,
                    "quota_id": quota.id,
                    "owner_type": "user",
                    "user_id": cls.salesman_li.id,
                    "company_id": company,
                }
            ),
            "sales.budget": env_b["sales.budget"].create(
                {
                    "period_id": period.id,
                    "owner_type": "user",
                    "user_id": cls.salesman_li.id,
                    "company_id": company,
                }
            ),
            "sales.activity": env_b["sales.activity"].create(
                {
                    "name": "Test Harbin call",
                    "partner_id": customer.id,
                    "user_id": cls.salesman_li.id,
                    "company_id": company,
                }
            ),
            "sales.daily.review": env_b["sales.daily.review"].create(
                {
                    "user_id": cls.salesman_li.id,
                    "date": cls.today,
                    "company_id": company,
                }
            ),
            "sales.problem": env_b["sales.problem"].create(
                {
                    "name": "Test Harbin ice melts",
                    "user_id": cls.salesman_li.id,
                    "company_id": company,
                }
            ),
            "sales.announcement": env_b["sales.announcement"].create(
                {"name": "Test Harbin news", "company_id": company}
            ),
            "sale.order": order,
        }
        order.action_sales_collection_plan()
        records["sales.collection.plan"] = order.sales_collection_plan_ids
        return records

    def _env(self, user, *companies):
        """``user``'s environment with ``companies`` active (the first current)."""
        return self.env(
            user=user,
            context=dict(
                self.env.context, allowed_company_ids=[c.id for c in companies]
            ),
        )

    def _lead_of_li(self, company, name, **values):
        """A lead of Li's in ``company``."""
        return (
            self.env["crm.lead"]
            .with_company(company)
            .create(
                {
                    "name": name,
                    "user_id": self.salesman_li.id,
                    "company_id": company.id,
                    **values,
                }
            )
        )

    def _invoice_in(self, company, amount, day, due=None):
        """A posted invoice of Li to Li's (shared) customer in ``company``."""
        move = (
            self.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer_li.id,
                    "invoice_date": day,
                    "invoice_date_due": due or day,
                    "invoice_user_id": self.salesman_li.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Ice", "price_unit": amount, "tax_ids": []}
                        )
                    ],
                }
            )
        )
        move.action_post()
        move.invoice_date_due = due or day
        return move

    def test_user_of_two_companies_gets_nothing_of_the_inactive_one(self):
        env_a = self._env(self.director_ab, self.company_a)
        env_ab = self._env(self.director_ab, self.company_a, self.company_b)
        leaks = []
        for model, record in self.b.items():
            self.assertTrue(record, f"{model}: the test's company B record")
            # with both companies active the director sees it: the rules of
            # the company, not a missing right, hide it below
            if not env_ab[model].search_count([("id", "=", record.id)]):
                leaks.append(f"{model}: not even visible with both companies")
            if env_a[model].search([("id", "=", record.id)]):
                leaks.append(f"{model}: search")
            if env_a[model].search_count([]) != env_a[model].search_count(
                [("id", "!=", record.id)]
            ):
                leaks.append(f"{model}: search_count")
            if env_a[model].name_search(record.display_name or "Test"):
                hits = [
                    rid for rid, _name in env_a[model].name_search(record.display_name)
                ]
                if record.id in hits:
                    leaks.append(f"{model}: name_search")
            groups = env_a[model]._read_group([("id", "=", record.id)], [], ["__count"])
            if groups and groups[0][0]:
                leaks.append(f"{model}: read_group")
            try:
                env_a[model].browse(record.id).read(["display_name"])
                leaks.append(f"{model}: read")
            except AccessError:
                pass
        self.assertFalse(
            leaks, "company B's records reached company A:\n" + "\n".join(leaks)
        )

    def test_records_of_a_company_get_the_team_of_that_company(self):
        # Li's first team is company A's: company B's records of Li get Li's
        # team usable in company B (before, check_company refused the quota)
        for model in ("sales.quota", "sales.plan", "sales.budget", "sales.activity"):
            self.assertEqual(self.b[model].team_id, self.team_b, model)
        for model in ("sales.daily.review", "sales.problem"):
            self.assertEqual(self.b[model].team_id, self.team_b, model)
        # and company A's records a team usable in company A
        quota_a = self._quota(self.jan, self.salesman_li, 3000)
        self.assertIn(quota_a.team_id, self.team_wang | self.team_b)

    def test_quota_actuals_never_mix_companies(self):
        quota_a = self._quota(self.jan, self.salesman_li, 30000, basis="invoiced")
        quota_b = self.b["sales.quota"]
        quota_b.basis = "invoiced"
        self._invoice_on(self.customer_li, 10000, date(2030, 1, 10))
        # the same salesperson and the same (shared) customer, in company B
        self._invoice_in(self.company_b, 7000, date(2030, 1, 12))
        self._refresh(quota_a | quota_b)
        self.assertEqual(quota_a.actual_amount, 10000)
        self.assertEqual(quota_b.actual_amount, 7000)

    def test_tiering_of_a_company_ignores_the_other_companys_revenue(self):
        # company A: Li's customer buys 900, Zhang's 100; company B: Zhang's
        # customer buys a million, which must not lift it in company A
        self._invoice(self.customer_li, 900)
        self._invoice(self.customer_zhang, 100)
        self._invoice(self.customer_zhang, 1_000_000, company=self.company_b)
        self._retier(self.company_a)
        self.assertEqual(self._tier_of(self.customer_li), self.tier_platinum)
        self.assertNotEqual(self._tier_of(self.customer_zhang), self.tier_platinum)

    def test_pareto_and_tiers_stay_in_their_company(self):
        self._invoice(self.customer_li, 900)
        self._invoice(self.customer_zhang, 1_000_000, company=self.company_b)
        self._retier(self.company_a)
        self._retier(self.company_b)
        env_a = self._env(self.director_ab, self.company_a)
        for model in ("sales.customer.pareto", "sales.customer.tier.history"):
            records = env_a[model].search([])
            self.assertTrue(records, model)
            self.assertEqual(records.company_id, self.company_a, model)
        # the customer's tier as read in company A is company A's
        customer = env_a["res.partner"].browse(self.customer_zhang.id)
        self.assertNotEqual(customer.sales_tier_id, self.tier_platinum)

    def test_budgets_and_expenses_stay_in_their_company(self):
        env_a = self._env(self.director_ab, self.company_a)
        budget_b = self.b["sales.budget"]
        self.assertFalse(env_a["sales.budget"].search([("id", "=", budget_b.id)]))
        self.assertFalse(
            env_a["sales.budget.line"].search([("budget_id", "=", budget_b.id)])
        )
        self.assertFalse(
            env_a["sales.budget.expense"].search([("budget_id", "=", budget_b.id)])
        )

    def test_review_figures_count_the_reviews_company_only(self):
        # a salesperson has one review a day, in one company: company A's
        # calls and orders of the day are not company B's review's figures
        self.env["sales.activity"].create(
            {
                "name": "Test Beijing call",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
                "company_id": self.company_a.id,
            }
        )
        order_a = (
            self.env["sale.order"]
            .with_company(self.company_a)
            .create(
                {
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                    "order_line": [
                        Command.create(
                            {
                                "product_id": self.water.id,
                                "price_unit": 80,
                                "tax_id": [],
                            }
                        )
                    ],
                }
            )
        )
        order_a.action_confirm()
        review_b = self.b["sales.daily.review"]
        review_b._refresh_figures()
        self.assertEqual(review_b.done_count, 1)
        self.assertEqual(review_b.order_count, 1)

    def test_review_planned_count_is_the_reviews_company_only(self):
        # an activity has no company: it counts in its record's company, so
        # company B's review gets the calls planned on company B's customers,
        # plan and lead only, not those on company A's or on a shared customer
        # (Li's main company, A)
        li = self.salesman_li
        lead_a = self._lead_of_li(self.company_a, "Test Beijing lead")
        lead_b = self._lead_of_li(
            self.company_b, "Test Harbin lead", partner_id=self.b["res.partner"].id
        )
        customer_a = self.customer_li.copy({"company_id": self.company_a.id})
        for record in (
            self.b["res.partner"],
            self.b["sales.plan"],
            lead_b,
            customer_a,
            lead_a,
            self.customer_li,
        ):
            record.activity_schedule(
                "mail.mail_activity_data_call", date_deadline=self.today, user_id=li.id
            )
        review_b = self.b["sales.daily.review"]
        review_b._refresh_figures()
        self.assertEqual(review_b.planned_count, 3)
        # the same day in company A: the other three
        review_b.company_id = self.company_a
        review_b._refresh_figures()
        self.assertEqual(review_b.planned_count, 3)
        # one more in company A only
        lead_a.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=self.today, user_id=li.id
        )
        review_b._refresh_figures()
        self.assertEqual(review_b.planned_count, 4)

    def test_dashboard_counts_the_active_company_only(self):
        period = self._period(
            "Test this month", self.month_type, self.today.replace(day=1), 1
        )
        self._quota(
            period, self.salesman_li, 2000, basis="collected"
        ).state = "confirmed"
        overdue = self._today() - timedelta(days=10)
        for company, amount in ((self.company_a, 1000), (self.company_b, 500)):
            self._invoice_in(company, amount, overdue)
        data = self._env(self.director_ab, self.company_a)[
            "sales.vp.dashboard"
        ].get_dashboard_data(
            team_id=False,
            date_from=fields.Date.to_string(period.date_start),
            date_to=fields.Date.to_string(period.date_end),
        )
        collections = data["collections"]
        self.assertAlmostEqual(collections["overdue"]["value"], 1000)
        self.assertAlmostEqual(collections["target"]["value"], 2000)
        self.assertEqual(
            [row["value"] for row in collections["overdue_by_user"]], [1000]
        )

    def test_dashboard_schedules_count_the_active_companys_plans_only(self):
        # Li plans 30 calls on company B's customer and 5 on a company A
        # lead: the director working in company A sees Li's 5, not 35
        li = self.salesman_li
        lead_a = self._lead_of_li(self.company_a, "Test Beijing lead")
        Dashboard = self._env(self.director_ab, self.company_a)["sales.vp.dashboard"]
        members = li | self.salesman_zhang
        days, _hours = Dashboard._next_working_days(members, self.today)
        for record, units in ((self.b["res.partner"], 30), (lead_a, 5)):
            record.activity_schedule(
                "mail.mail_activity_data_call", date_deadline=days[0], user_id=li.id
            ).sales_planned_count = units
        schedules = Dashboard._schedules(
            {"members": members}, self.today, self.today, self.today
        )
        li_row = next(row for row in schedules["rows"] if row["user_id"] == li.id)
        self.assertEqual(li_row["cells"][0]["value"], 5)
        # and a click on the 5 lists the company A lead's activity only
        self.assertEqual(
            self.env["mail.activity"].search(li_row["cells"][0]["domain"]),
            lead_a.activity_ids,
        )

    def test_excel_export_of_the_other_company_is_refused(self):
        reports = self._env(self.director_ab, self.company_a)["ir.actions.report"]
        with self.assertRaises(AccessError):
            reports._render(QUOTA_SHEET, self.b["sales.quota"].ids, {})
        # the same report of company A's quota renders
        quota_a = self._quota(self.jan, self.salesman_li, 3000)
        content, report_type = reports._render(QUOTA_SHEET, quota_a.ids, {})
        self.assertEqual(report_type, "xlsx")
        self.assertNotIn(b"Harbin", content)

    def test_every_company_owned_model_of_ours_has_a_company_rule(self):
        # a new model with a company_id and no multi-company rule would let
        # a user of two companies read the inactive one's records
        ours = self.env["ir.model"].browse(
            self.env["ir.model.data"]
            .search(
                [
                    ("model", "=", "ir.model"),
                    ("module", "in", ["sales_model_crm", "sales_model_crm_reports"]),
                ]
            )
            .mapped("res_id")
        )
        missing = []
        for model in ours.filtered(lambda model: not model.transient):
            records = self.env[model.model]
            field = records._fields.get("company_id")
            if not field or not field.store or records._abstract:
                continue
            rules = self.env["ir.rule"].search(
                [("model_id", "=", model.id), ("global", "=", True)]
            )
            if not any("company_ids" in (rule.domain_force or "") for rule in rules):
                missing.append(model.model)
        self.assertFalse(
            missing, "models without a multi-company rule: " + str(missing)
        )
