# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io
from pathlib import Path

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon

from ..report.sales_quota_template_xlsx import COLUMN_KEYS, FIRST_ROW, HEADER_ROW

REPORT_NAME = "sales_model_crm_reports.quota_template_xlsx"
# the blank template of the repository, written by make_templates.py
BLANK_TEMPLATE = Path(__file__).parents[2] / "data/import_templates/quotas.xlsx"


@tagged("post_install", "-at_install")
class TestQuotaImport(SalesQuotaCommon):
    """The quota round trip: template out, Excel, quotas back in.

    Rows of the "Quotas" sheet start at Excel row 5 (title, note, hidden keys,
    headers above).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.region = cls.env["sales.region"].create(
            {"name": "Test Chaoyang", "company_id": cls.company.id}
        )
        cls.product_line = cls.env["product.category"].create(
            {"name": "Test Bottled Water"}
        )
        cls.agent.ref = "AG-TJ"

    # --- helpers

    def _wizard(self, user=None, **values):
        return (
            self.env["sales.quota.import"]
            .with_user(user or self.director)
            .create({"company_id": self.company.id, **values})
        )

    def _template(self, wizard):
        content, report_type = (
            self.env["ir.actions.report"]
            .with_user(wizard.env.user)
            ._render(REPORT_NAME, wizard.ids, {})
        )
        self.assertEqual(report_type, "xlsx")
        return load_workbook(io.BytesIO(content))

    def _fill(self, workbook, rows, start=0):
        """Write ``rows`` ({column key: value}) below the template's lines."""
        sheet = workbook.worksheets[0]
        for offset, values in enumerate(rows, start=FIRST_ROW + 1 + start):
            for key, value in values.items():
                sheet.cell(offset, COLUMN_KEYS.index(key) + 1, value)
        stream = io.BytesIO()
        workbook.save(stream)
        return stream.getvalue()

    def _import(self, content, user=None, wizard=None):
        wizard = wizard or self._wizard(user)
        wizard.write({"file": base64.b64encode(content), "file_name": "quotas.xlsx"})
        return wizard, wizard.action_import()

    def _blank_file(self, rows, user=None):
        return self._fill(self._template(self._wizard(user)), rows)

    def _row(self, period, owner, target, **values):
        owner_type = {"res.users": "Salesperson", "crm.team": "Sales Team"}
        owner_text = {"res.users": "login", "crm.team": "name"}
        return {
            "period": period.name,
            "owner_type": owner_type.get(owner._name, "Agent"),
            "owner": owner[owner_text.get(owner._name, "ref")],
            "basis": "Invoiced (posted, net of refunds)",
            "target": target,
            **values,
        }

    def _quotas(self, period):
        return self.env["sales.quota"].search(
            [("company_id", "=", self.company.id), ("period_id", "=", period.id)]
        )

    # --- template

    def test_template_has_quota_sheet_lists_and_instructions(self):
        workbook = self._template(self._wizard(target_period_id=self.feb.id))
        self.assertEqual(workbook.sheetnames, ["Quotas", "Lists"])
        sheet, lists = workbook["Quotas"], workbook["Lists"]
        self.assertEqual(lists.sheet_state, "hidden")
        self.assertTrue(lists.protection.sheet)
        headers = [cell.value for cell in sheet[HEADER_ROW + 1]]
        self.assertEqual(
            headers[:5], ["Line", "Period", "Owner Is", "Owner", "Counts As"]
        )
        self.assertIn("Target", headers)
        self.assertTrue(sheet["A1"].comment, "the instructions note")
        self.assertTrue(sheet.row_dimensions[HEADER_ROW].hidden, "the key row")
        validated = {
            str(validation.sqref).split(":")[0][:1]: validation.formula1
            for validation in sheet.data_validations.dataValidation
        }
        # owner types (C) and bases (E) come from the Lists sheet
        self.assertIn("Lists", validated["C"])
        self.assertIn("Lists", validated["E"])
        owner_types = [cell.value for cell in lists["B"][1:] if cell.value]
        self.assertEqual(owner_types, ["Salesperson", "Sales Team", "Agent"])

    def test_repository_blank_template_matches_the_download(self):
        downloaded = self._template(self._wizard())["Quotas"]
        blank = load_workbook(BLANK_TEMPLATE)["Quotas"]
        for row in (HEADER_ROW, HEADER_ROW + 1):  # the keys and the headers
            self.assertEqual(
                [cell.value for cell in blank[row]],
                [cell.value for cell in downloaded[row]],
                "run data/import_templates/make_templates.py",
            )

    def test_round_trip_fills_next_period(self):
        self._quota(self.jan, self.salesman_li, 30_000, region_id=self.region.id)
        self._quota(self.jan, self.agent, 50_000, minimum=45_000, stretch=60_000)
        wizard = self._wizard(
            source_period_id=self.jan.id, target_period_id=self.feb.id
        )
        workbook = self._template(wizard)
        sheet = workbook["Quotas"]
        col = {key: index + 1 for index, key in enumerate(COLUMN_KEYS)}
        rows = range(FIRST_ROW + 1, sheet.max_row + 1)
        self.assertEqual(
            sorted(sheet.cell(row, col["owner"]).value for row in rows),
            ["AG-TJ", "smc_li"],
        )
        for row in rows:
            self.assertEqual(sheet.cell(row, col["period"]).value, "Test 2030-02")
            # the manager raises every tier by 10 %
            for tier in ("minimum", "target", "stretch"):
                cell = sheet.cell(row, col[tier])
                cell.value = cell.value * 1.1
        _wizard, action = self._import(self._fill(workbook, []), wizard=wizard)
        imported = self._quotas(self.feb)
        self.assertEqual(action["domain"][0][:2], ("id", "child_of"))
        self.assertEqual(set(action["domain"][0][2]), set(imported.ids))
        tiers = {
            quota.owner_name: (quota.minimum, quota.target, quota.stretch, quota.state)
            for quota in imported
        }
        self.assertEqual(
            tiers,
            {
                self.salesman_li.name: (26_400, 33_000, 39_600, "draft"),
                self.agent.name: (49_500, 55_000, 66_000, "draft"),
            },
        )
        self.assertEqual(
            imported.filtered("user_id").region_id, self.region, "scope kept"
        )

    # --- errors

    def test_every_bad_row_is_reported_and_nothing_written(self):
        self._quota(self.feb, self.salesman_zhang, 10_000)
        before = self.env["sales.quota"].search_count([])
        content = self._blank_file(
            [
                self._row(self.feb, self.salesman_li, 10_000),  # row 5: fine
                dict(self._row(self.feb, self.salesman_li, 1), period="Test 2099"),
                dict(self._row(self.feb, self.salesman_li, 1), owner="nobody"),
                self._row(self.feb, self.team_wang, 1_000, minimum=2_000),
                self._row(self.feb, self.team_other, -5),
                self._row(self.feb, self.agent, "lots"),
                dict(self._row(self.feb, self.salesman_li, 1), owner_type="Sales Team"),
                self._row(self.feb, self.salesman_li, 20_000),  # row 12: as row 5
                self._row(self.feb, self.salesman_zhang, 10_000),  # exists
                self._row(self.feb, self.team_wang, 1, region="Test Nowhere"),
                self._row(self.feb, self.agent, 10, stretch=5),
            ]
        )
        wizard, action = self._import(content)
        self.assertEqual(action["res_model"], "sales.quota.import")
        self.assertEqual(self.env["sales.quota"].search_count([]), before)
        errors = wizard.error_text.splitlines()
        self.assertEqual(
            [error.split(":")[0] for error in errors],
            # row by row first, then the checks across rows
            [f"Row {row}" for row in (6, 7, 8, 9, 10, 11, 14, 15)]
            + ["Row 12", "Row 13"],
        )
        self.assertEqual(wizard.error_count, 10)
        text = wizard.error_text
        for expected in (
            "Row 6: Period: Test 2099 is unknown.",
            "Row 7: no salesperson has the login nobody.",
            "Row 8: the minimum (2,000.00) is above the target (1,000.00).",
            "Row 9: Target cannot be negative.",
            "Row 10: Target is not a number: lots.",
            "Row 11: no sales team is named smc_li.",
            "Row 12: the same quota as row 5",
            "Row 13: this quota exists already",
            "Row 14: Sales Region: Test Nowhere is unknown.",
            "Row 15: the target (10.00) is above the stretch (5.00).",
        ):
            self.assertIn(expected, text)

    def test_wrong_file_is_refused_clearly(self):
        wizard = self._wizard()
        wizard.write(
            {"file": base64.b64encode(b"period;owner\n"), "file_name": "quotas.csv"}
        )
        with self.assertRaisesRegex(UserError, "quotas.csv is not an Excel workbook"):
            wizard.action_import()

    def test_workbook_without_the_key_row_is_refused(self):
        workbook = self._template(self._wizard())
        workbook["Quotas"].delete_rows(3)
        stream = io.BytesIO()
        workbook.save(stream)
        with self.assertRaisesRegex(UserError, "not a quota template"):
            self._import(stream.getvalue())

    # --- splits

    def _seed_split_rows(self, march):
        return [
            self._row(
                self.q1,
                self.team_wang,
                100_000,
                line="Q",
                minimum=100_000,
                stretch=100_000,
            ),
            self._row(self.jan, self.team_wang, 30_000, parent="Q", stretch=30_000),
            self._row(self.feb, self.team_wang, 30_000, parent="Q", stretch=30_000),
            self._row(self.mar, self.team_wang, march, parent="Q", stretch=march),
        ]

    def test_seed_quarter_imports_with_its_three_months(self):
        self.company.sales_quota_split_check = "block"
        rows = self._seed_split_rows(40_000)
        for row in rows[1:]:
            row["minimum"] = row["target"]
        self._import(self._blank_file(rows))
        quarter = self._quotas(self.q1)
        self.assertEqual(quarter.target, 100_000)
        months = quarter.child_ids.sorted("date_start")
        self.assertEqual(months.period_id, self.jan | self.feb | self.mar)
        self.assertEqual(months.mapped("target"), [30_000, 30_000, 40_000])
        self.assertEqual(months.mapped("split_share"), [30, 30, 40])
        self.assertFalse(quarter.split_mismatch)

    def test_parts_not_adding_up_are_refused_when_blocking(self):
        self.company.sales_quota_split_check = "block"
        before = self.env["sales.quota"].search_count([])
        wizard, _action = self._import(self._blank_file(self._seed_split_rows(30_000)))
        self.assertIn(
            "Row 5: the lines split from it do not add up to it: "
            "Minimum: parts add up to 90,000.00, not 100,000.00",
            wizard.error_text,
        )
        self.assertIn("Target: parts add up to 90,000.00", wizard.error_text)
        self.assertEqual(self.env["sales.quota"].search_count([]), before)

    def test_parts_not_adding_up_are_imported_with_a_warning(self):
        self.company.sales_quota_split_check = "warn"
        self._import(self._blank_file(self._seed_split_rows(30_000)))
        self.assertIn("90,000.00", self._quotas(self.q1).split_mismatch)

    def test_unknown_split_from_is_reported(self):
        row = self._row(self.jan, self.team_wang, 1, parent="Nope")
        wizard, _action = self._import(self._blank_file([row]))
        self.assertIn("Row 5: Split From names Nope", wizard.error_text)

    # --- access

    def test_team_manager_imports_for_own_team(self):
        content = self._blank_file(
            [self._row(self.feb, self.salesman_li, 5_000)], user=self.team_manager
        )
        self._import(content, user=self.team_manager)
        self.assertEqual(self._quotas(self.feb).user_id, self.salesman_li)

    def test_team_manager_cannot_import_for_another_team(self):
        content = self._blank_file(
            [
                self._row(self.feb, self.salesman_li, 5_000),
                self._row(self.feb, self.salesman_zhang, 5_000),
                self._row(self.feb, self.team_other, 9_000),
            ],
            user=self.team_manager,
        )
        wizard, _action = self._import(content, user=self.team_manager)
        self.assertEqual(
            wizard.error_text.splitlines(),
            [
                f"Row 6: you may not set quotas for {self.salesman_zhang.name}; you "
                "import quotas for your teams and their members only.",
                f"Row 7: you may not set quotas for {self.team_other.name}; you "
                "import quotas for your teams and their members only.",
            ],
        )
        self.assertFalse(self._quotas(self.feb))

    def test_salesperson_may_not_import(self):
        with self.assertRaises(AccessError):
            self._wizard(self.salesman_li)

    def test_salesperson_may_not_download_the_template(self):
        wizard = self._wizard()
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.salesman_li)._render(
                REPORT_NAME, wizard.ids, {}
            )

    # --- scale

    def test_query_count_does_not_grow_with_the_rows(self):
        regions = self.env["sales.region"].create(
            [
                {"name": f"Test Region {index}", "company_id": self.company.id}
                for index in range(10)
            ]
        )
        bases = [
            "Confirmed sales",
            "Invoiced (posted, net of refunds)",
            "Collected (回款)",
            "New customers (count)",
            "Won deals (count)",
        ]

        def rows(period, region_count):
            return [
                self._row(period, self.salesman_li, 1_000, basis=basis, region=region)
                for region in regions[:region_count].mapped("name")
                for basis in bases
            ]

        self._import(self._blank_file(rows(self.jan, 1)))  # warms the caches
        five = self._count_queries(self._blank_file(rows(self.mar, 1)))
        fifty = self._count_queries(self._blank_file(rows(self.q1, 10)))
        self.assertEqual(len(self._quotas(self.q1)), 50)
        # the same queries for 50 lines as for 5: no lookup or check per line
        self.assertLessEqual(fifty, five + 5)

    def _count_queries(self, content):
        wizard = self._wizard()
        wizard.write({"file": base64.b64encode(content), "file_name": "q.xlsx"})
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        wizard.action_import()
        return self.env.cr.sql_log_count - before
