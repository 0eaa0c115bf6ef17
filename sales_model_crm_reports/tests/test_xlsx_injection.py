# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile names in every Excel workbook: written as text, never as a formula.

The strings come from ``data/bad_strings.json`` (issue 7): formulas such as
``=HYPERLINK(...)`` and ``=cmd|' /C calc'!A0``, CSV-injection triggers (+, -,
@), HTML, template and SQL snippets, RTL text with emoji, a 10 kB name. Each
one names a salesperson, a sales team, a region, a product line, a customer,
a CRM stage and is a leader's comment, so it reaches every workbook.
"""

import base64
import io
from datetime import datetime, timedelta

import xlsxwriter
from freezegun import freeze_time
from openpyxl import load_workbook

from odoo import Command
from odoo.tests import tagged

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon
from odoo.addons.sales_model_crm.tests.corpora import load_bad_strings

from ..report.sales_quota_template_xlsx import COLUMN_KEYS, FIRST_ROW

PARETO = "sales_model_crm_reports.customer_pareto_xlsx"
QUOTA_SHEET = "sales_model_crm_reports.quota_sheet_xlsx"
TEMPLATE = "sales_model_crm_reports.quota_template_xlsx"
FUNNEL = "sales_model_crm_reports.funnel_xlsx"
DAILY = "sales_model_crm_reports.daily_review_xlsx"
COLLECTION = "sales_model_crm_reports.collection_xlsx"
# the collections are looked at after the installments fell due
COLLECTION_DAY = "2030-04-10"


@tagged("post_install", "-at_install")
class TestXlsxInjection(SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bad = load_bad_strings()
        cls.texts = list(cls.bad.values())
        cls.users = cls.env["res.users"]
        cls.teams = cls.env["crm.team"]
        cls.customers = cls.env["res.partner"]
        cls.stages = cls.env["crm.stage"]
        cls.quotas = cls.env["sales.quota"]
        cls.reviews = cls.env["sales.daily.review"]
        cls._setup_collection_terms()
        for index, text in enumerate(cls.texts):
            cls._setup_string(index, text)
        cls.tiering._recompute_tiers(cls.company)
        # Li's quarter split into months whose names are formulas
        cls.jan.name = cls.bad["hyperlink"]
        cls.feb.name = cls.bad["dde"]
        cls.mar.name = cls.bad["at"]
        parent = cls.quotas[0]
        for period, share in ((cls.jan, 30), (cls.feb, 30), (cls.mar, 40)):
            cls._quota(
                period,
                parent.user_id,
                parent.target * share / 100,
                parent_id=parent.id,
                split_share=share,
            )
        cls.agent.name = cls.bad["plus"]
        cls.quotas |= cls._quota(cls.q1, cls.agent, 5000)

    @classmethod
    def _setup_string(cls, index, text):
        """A salesperson, team, region, product line, customer and stage named
        ``text``, with a quota, a day reviewed and an order to collect."""
        user = cls._create_user(f"smc_bad_{index}", "sales_team.group_sale_salesman")
        user.name = text
        team = cls.env["crm.team"].create(
            {
                "name": text,
                "company_id": cls.company.id,
                "user_id": cls.team_manager.id,
                "member_ids": [Command.link(user.id)],
            }
        )
        region = cls.env["sales.region"].create(
            {"name": text, "company_id": cls.company.id}
        )
        category = cls.env["product.category"].create({"name": text})
        customer = cls._create_customer(text, user, sales_region_id=region.id)
        cls._invoice(customer, 100 * (index + 1))
        stage = cls.env["crm.stage"].create(
            {"name": text, "sequence": 2000 + index, "team_id": team.id}
        )
        cls.env["crm.lead"].create(
            {
                "name": text,
                "type": "opportunity",
                "team_id": team.id,
                "user_id": user.id,
                "stage_id": stage.id,
                "expected_revenue": 100,
            }
        )
        cls.quotas |= cls._quota(cls.q1, user, 1000 * (index + 1))
        cls._quota(cls.q1, user, 500, region_id=region.id)
        cls._quota(cls.q1, user, 500, product_category_id=category.id)
        review = cls.env["sales.daily.review"].create(
            {
                "user_id": user.id,
                "date": cls._today() - timedelta(days=1),
                "company_id": cls.company.id,
            }
        )
        review.write({"call_target": 5, "manager_comment": text})
        order = cls._order(customer, user, team)
        order.action_sales_collection_plan()
        cls.users |= user
        cls.teams |= team
        cls.customers |= customer
        cls.stages |= stage
        cls.reviews |= review

    @classmethod
    def _setup_collection_terms(cls):
        cls.product = cls.env["product.product"].create(
            {"name": "Test Bad Bucket", "invoice_policy": "order"}
        )
        cls.terms = cls.env["account.payment.term"].create(
            {
                "name": "Test 30 % now, 70 % in 30 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 30}),
                    Command.create(
                        {"value": "percent", "value_amount": 70, "nb_days": 30}
                    ),
                ],
            }
        )

    @classmethod
    def _order(cls, customer, user, team):
        order = cls.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "user_id": user.id,
                "team_id": team.id,
                "company_id": cls.company.id,
                "payment_term_id": cls.terms.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "price_unit": 1000,
                            "tax_id": [Command.clear()],
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        order.date_order = datetime(2030, 3, 1, 9, 0)
        return order

    # --- helpers

    def _render(self, report_name, ids, data=None):
        """The workbook rendered by the director, opened with its formulas."""
        report = self.env["ir.actions.report"].with_user(self.director)
        content, report_type = report._render(report_name, ids, data or {})
        self.assertEqual(report_type, "xlsx")
        return load_workbook(io.BytesIO(content))

    def _rows(self, model, **filters):
        domain = [("company_id", "=", self.company.id)]
        domain += [(key, "in", value.ids) for key, value in filters.items()]
        return self.env[model].with_user(self.director).search(domain)

    def _assert_text_only(self, sheet, expected=None):
        """No cell holding a hostile string is a formula, and each text of
        ``expected`` (default: all) is a cell's whole value, as text."""
        expected = self.texts if expected is None else expected
        found = set()
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str):
                    continue
                hostile = [text for text in self.texts if text in value]
                if cell.data_type == "f":
                    self.assertFalse(
                        hostile,
                        f"{sheet.title}!{cell.coordinate} is a formula: {value[:80]}",
                    )
                elif value in self.texts:
                    self.assertEqual(cell.data_type, "s", cell.coordinate)
                    found.add(value)
        missing = [text[:40] for text in expected if text not in found]
        self.assertFalse(missing, f"not written as text in {sheet.title}")

    # --- the workbooks

    def test_pareto_writes_customer_user_and_region_names_as_text(self):
        paretos = self._rows("sales.customer.pareto", partner_id=self.customers)
        self.assertEqual(len(paretos), len(self.texts))
        workbook = self._render(PARETO, paretos.ids)
        self._assert_text_only(workbook.worksheets[0])
        for sheet in workbook.worksheets[1:]:
            self._assert_text_only(sheet, expected=[])

    def test_quota_sheet_writes_names_as_text_in_all_five_sheets(self):
        quotas = self._rows("sales.quota", period_id=self.q1)
        workbook = self._render(QUOTA_SHEET, quotas.ids)
        self.assertEqual(len(workbook.worksheets), 5)
        summary, by_month, by_dimension, decomposition, activity = workbook.worksheets
        for sheet in (summary, by_dimension, decomposition, activity):
            self._assert_text_only(sheet)
        # the months' names head the columns
        self._assert_text_only(
            by_month, [self.bad["hyperlink"], self.bad["dde"], self.bad["at"]]
        )

    def test_funnel_writes_stage_names_as_text(self):
        rows = self._rows("sales.funnel.report", stage_id=self.stages)
        self.assertTrue(rows)
        for sheet in self._render(FUNNEL, rows.ids).worksheets:
            self._assert_text_only(sheet)

    def test_daily_review_writes_names_and_comments_as_text(self):
        rows = self._rows("sales.daily.review", user_id=self.users)
        self.assertEqual(len(rows), len(self.texts))
        days, summary = self._render(DAILY, rows.ids).worksheets
        self._assert_text_only(days)
        self._assert_text_only(summary, expected=[])

    @freeze_time(COLLECTION_DAY)
    def test_collections_write_names_as_text_in_both_sheets(self):
        rows = self._rows("sales.collection.report", user_id=self.users)
        self.assertTrue(rows)
        collections, overdue = self._render(COLLECTION, rows.ids).worksheets
        self._assert_text_only(collections)
        self._assert_text_only(overdue)

    def test_quota_template_writes_lists_and_rows_as_text(self):
        wizard = self._import_wizard(
            source_period_id=self.q1.id, target_period_id=self.jan.id
        )
        quotas, lists = self._render(TEMPLATE, wizard.ids).worksheets
        # teams, regions and product lines are offered in the lists and
        # copied into the rows, the period's name too
        self._assert_text_only(quotas, [self.bad["hyperlink"]] + self.texts)
        self._assert_text_only(lists)

    def test_every_workbook_keeps_strings_as_text_even_through_write(self):
        # the writers call write_string for user text; the workbook options
        # make a plain write() safe too (xlsxwriter's default turns "=..."
        # into a formula)
        for name in (
            PARETO,
            QUOTA_SHEET,
            "sales_model_crm_reports.quota_sheet_export_xlsx",
            TEMPLATE,
            FUNNEL,
            DAILY,
            COLLECTION,
        ):
            options = self.env[f"report.{name}"].get_workbook_options()
            stream = io.BytesIO()
            workbook = xlsxwriter.Workbook(stream, options)
            sheet = workbook.add_worksheet()
            for row, text in enumerate(self.texts):
                sheet.write(row, 0, text)
            sheet.write(len(self.texts), 0, "http://example.com")
            workbook.close()
            cells = list(load_workbook(stream).active["A"])
            self.assertEqual(
                [(cell.data_type, cell.value) for cell in cells[:-1]],
                [("s", text) for text in self.texts],
                name,
            )
            self.assertIsNone(cells[-1].hyperlink, f"{name}: no link made")

    # --- the quota import

    def _import_wizard(self, **values):
        return (
            self.env["sales.quota.import"]
            .with_user(self.director)
            .create({"company_id": self.company.id, **values})
        )

    def _import(self, rows, formulas=False):
        """Import ``rows`` typed into the template as text (or as formulas)."""
        wizard = self._import_wizard()
        workbook = self._render(TEMPLATE, wizard.ids)
        sheet = workbook.worksheets[0]
        for number, values in enumerate(rows, start=FIRST_ROW + 1):
            for key, value in values.items():
                cell = sheet.cell(number, COLUMN_KEYS.index(key) + 1, value)
                if isinstance(value, str) and not formulas:
                    # what Excel stores for text typed in a text cell:
                    # openpyxl would take a leading "=" for a formula
                    cell.data_type = "s"
        stream = io.BytesIO()
        workbook.save(stream)
        wizard.write(
            {
                "file": base64.b64encode(stream.getvalue()),
                "file_name": "quotas.xlsx",
            }
        )
        wizard.action_import()
        return wizard

    def _owner_rows(self, owner_type):
        return [
            {
                "period": "Test 2030-Q1",
                "owner_type": owner_type,
                "owner": text,
                "basis": "Invoiced (posted, net of refunds)",
                "target": 1000,
            }
            for text in self.texts
        ]

    def test_import_reports_hostile_logins_as_unknown_text(self):
        before = self.env["sales.quota"].search_count([])
        wizard = self._import(self._owner_rows("Salesperson"))
        self.assertEqual(wizard.error_count, len(self.texts))
        for text in self.texts:
            self.assertIn(f"no salesperson has the login {text}.", wizard.error_text)
        # nothing half-written
        self.assertEqual(self.env["sales.quota"].search_count([]), before)

    def test_import_finds_teams_by_their_hostile_names(self):
        wizard = self._import(self._owner_rows("Sales Team"))
        self.assertFalse(wizard.error_text)
        imported = self.env["sales.quota"].search(
            [("owner_type", "=", "team"), ("team_id", "in", self.teams.ids)],
            order="id",
        )
        self.assertEqual(imported.team_id.mapped("name"), self.texts)

    def test_import_never_evaluates_a_formula_cell(self):
        rows = [
            dict(row, owner=self.bad[key])
            for row, key in zip(
                self._owner_rows("Salesperson"), ("hyperlink", "dde"), strict=False
            )
        ]
        before = self.env["sales.quota"].search_count([])
        wizard = self._import(rows, formulas=True)
        # a formula cell is read as its cached result, here none: never run
        self.assertEqual(
            wizard.error_text.splitlines(),
            [f"Row {FIRST_ROW + 1 + i}: Owner is empty." for i in range(2)],
        )
        self.assertEqual(self.env["sales.quota"].search_count([]), before)

    def test_hostile_names_are_stored_as_typed(self):
        self.env.invalidate_all()
        self.assertEqual(self.users.mapped("name"), self.texts)
        self.assertEqual(self.teams.mapped("name"), self.texts)
        self.assertEqual(self.customers.mapped("name"), self.texts)
        self.assertEqual(self.reviews.mapped("manager_comment"), self.texts)
        self.assertEqual(self.jan.name, self.bad["hyperlink"])
