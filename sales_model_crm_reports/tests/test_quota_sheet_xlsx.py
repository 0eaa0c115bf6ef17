# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import timedelta
from unittest.mock import patch

from openpyxl import load_workbook

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools.translate import code_translations

from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon

REPORT_NAME = "sales_model_crm_reports.quota_sheet_xlsx"
EXPORT_REPORT_NAME = "sales_model_crm_reports.quota_sheet_export_xlsx"
SHEETS = ["Summary", "By Month", "By Dimension", "Decomposition"]
SHEETS += ["Activity against Target"]


class QuotaSheetCommon(SalesQuotaCommon):
    """The seed's quarter: Li (Beijing team, led by Wang) has 100,000 for Q1,
    split 30/30/40 into January, February and March, and has done 90,000 (the
    minimum, not the target); Zhang (Shanghai team) has 50,000. Li also has a
    Q1 quota for a region, and the agent one of its own.

    Li's ratios: deals of 10,000, 3 prospects per deal, 5 calls per prospect,
    60 working days: 10 deals, 30 prospects, 150 calls, 3 calls a day.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.region = cls.env["sales.region"].create(
            {"name": "Test North China", "company_id": cls.company.id}
        )
        cls.quota_li = cls._quota(
            cls.q1,
            cls.salesman_li,
            100000,
            avg_deal_size=10000,
            prospects_per_deal=3,
            calls_per_prospect=5,
            working_days=60,
        )
        cls.months = [
            cls._quota(
                period,
                cls.salesman_li,
                target,
                parent_id=cls.quota_li.id,
                split_share=share,
            )
            for period, target, share in (
                (cls.jan, 30000, 30),
                (cls.feb, 30000, 30),
                (cls.mar, 40000, 40),
            )
        ]
        cls.quota_zhang = cls._quota(cls.q1, cls.salesman_zhang, 50000)
        cls.quota_region = cls._quota(
            cls.q1, cls.salesman_li, 20000, region_id=cls.region.id
        )
        cls.quota_agent = cls._quota(cls.q1, cls.agent, 10000)
        cls.quota_li.write(
            {
                "actual_amount": 90000,
                "working_days_total": 60,
                "working_days_elapsed": 20,
            }
        )
        cls.q1_quotas = (
            cls.quota_li | cls.quota_zhang | cls.quota_region | cls.quota_agent
        )

    def _render(self, quotas, user=None, data=None, report=REPORT_NAME, **context):
        """The workbook's bytes, rendered as ``user`` (default: the director)."""
        actions = (
            self.env["ir.actions.report"]
            .with_user(user or self.director)
            .with_context(**context)
        )
        ids = quotas.ids if quotas is not None else []
        content, report_type = actions._render(report, ids, data or {})
        self.assertEqual(report_type, "xlsx")
        return content

    def _open(self, content, data_only=False):
        """The workbook; with ``data_only``, formulas read as their cached values."""
        return load_workbook(io.BytesIO(content), data_only=data_only)

    def _workbook(self, quotas=None, data_only=False, **kwargs):
        quotas = self.q1_quotas if quotas is None else quotas
        return self._open(self._render(quotas, **kwargs), data_only=data_only)

    def _column(self, sheet, column, first=5):
        return [
            sheet[f"{column}{row}"].value for row in range(first, sheet.max_row + 1)
        ]


@tagged("post_install", "-at_install")
class TestQuotaSheetXlsx(QuotaSheetCommon):
    # --- structure

    def test_workbook_has_the_five_sheets(self):
        self.assertEqual(self._workbook().sheetnames, SHEETS)

    def test_summary_headers_name_tiers_attainment_and_pace(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual(
            [cell.value for cell in sheet[4]],
            [
                "Sales Team",
                "Salesperson",
                "Period",
                "Minimum",
                "Target",
                "Stretch",
                "Actual",
                "In Progress",
                "% of Minimum",
                "% of Target",
                "% of Stretch",
                "Tier Reached",
                "Reward / Penalty",
                "Working Days",
                "Days Elapsed",
                "Days Remaining",
                "Needed per Remaining Day",
            ],
        )
        self.assertTrue(all(cell.font.b for cell in sheet[4]))

    def test_title_rows_name_period_team_and_generation(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual(sheet["A1"].value, "Quota Sheet: Summary")
        self.assertIn("Period: Test 2030-Q1", sheet["A2"].value)
        self.assertIn("Team: All teams", sheet["A2"].value)
        self.assertTrue(sheet["A2"].value.endswith(f"by {self.director.name}"))

    def test_page_is_a4_landscape_with_header_and_repeated_titles(self):
        workbook = self._workbook()
        for sheet in workbook:
            self.assertEqual(
                (
                    sheet.page_setup.orientation,
                    int(sheet.page_setup.paperSize),
                    sheet.print_title_rows,
                ),
                ("landscape", 9, "$4:$4"),
                sheet.title,
            )
        header = workbook["Summary"].oddHeader
        self.assertEqual(header.left.text, "Test 2030-Q1 · All teams")
        self.assertEqual(header.center.text, "&BQuota Sheet: Summary")
        self.assertTrue(header.right.text)

    def test_headers_are_frozen_and_filtered(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual((sheet.freeze_panes, sheet.auto_filter.ref), ("C5", "A4:Q8"))

    def test_columns_fit_their_texts(self):
        sheet = self._workbook()["Summary"]
        self.assertGreaterEqual(
            sheet.column_dimensions["A"].width, len("Test Shanghai Team")
        )

    # --- Summary

    def test_summary_groups_salespeople_by_team_with_subtotals(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual(
            [[sheet[f"{col}{row}"].value for col in "ABCE"] for row in range(5, 9)],
            [
                ["Test Beijing Team", self.salesman_li.name, "Test 2030-Q1", 100000],
                ["Test Beijing Team", "Subtotal", None, "=SUBTOTAL(9,E5:E5)"],
                ["Test Shanghai Team", self.salesman_zhang.name, "Test 2030-Q1", 50000],
                ["Test Shanghai Team", "Subtotal", None, "=SUBTOTAL(9,E7:E7)"],
            ],
        )

    def test_grand_total_is_a_subtotal_formula_over_all_rows(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual(
            [sheet[f"{col}9"].value for col in "AEG"],
            ["Total", "=SUBTOTAL(9,E5:E8)", "=SUBTOTAL(9,G5:G8)"],
        )
        cached = self._workbook(data_only=True)["Summary"]
        self.assertEqual([cached["E9"].value, cached["G9"].value], [150000, 90000])

    def test_attainment_and_tier_are_formulas(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual(
            [sheet[cell].value for cell in ("I5", "J5", "K5")],
            ["=IF(D5>0,G5/D5,0)", "=IF(E5>0,G5/E5,0)", "=IF(F5>0,G5/F5,0)"],
        )
        self.assertEqual(
            sheet["L5"].value,
            '=IF(G5>=F5,"Stretch",IF(G5>=E5,"Target",IF(G5>=D5,"Minimum",'
            '"Below minimum")))',
        )

    def test_formulas_carry_their_results(self):
        sheet = self._workbook(data_only=True)["Summary"]
        self.assertAlmostEqual(sheet["J5"].value, 0.9)
        self.assertAlmostEqual(sheet["I5"].value, 90000 / 80000)
        self.assertEqual(sheet["L5"].value, "Minimum")
        # 10,000 short of the target, 40 working days left
        self.assertAlmostEqual(sheet["Q5"].value, 250)

    def test_gap_per_remaining_day_is_a_formula(self):
        sheet = self._workbook()["Summary"]
        self.assertEqual(
            [sheet["P5"].value, sheet["Q5"].value],
            # no working day left: nothing per day (not the whole shortfall)
            ["=MAX(N5-O5,0)", "=IF(P5>0,MAX(E5-G5,0)/P5,0)"],
        )

    def test_amounts_use_the_currency_and_percentages_a_percent_format(self):
        sheet = self._workbook()["Summary"]
        symbol = self.company.currency_id.symbol
        self.assertIn(symbol, sheet["E5"].number_format)
        self.assertEqual(sheet["J5"].number_format, "0.0%")

    def test_tiers_are_coloured_and_attainment_has_a_data_bar(self):
        sheet = self._workbook()["Summary"]
        rules = {
            str(formatting.sqref): [rule.type for rule in formatting.rules]
            for formatting in sheet.conditional_formatting
        }
        self.assertEqual(
            rules,
            {"G5:G9 L5:L9": ["expression"] * 4, "J5:J8": ["dataBar"]},
        )
        formulas = [
            rule.formula[0]
            for formatting in sheet.conditional_formatting
            for rule in formatting.rules
            if rule.type == "expression"
        ]
        self.assertEqual(
            formulas,
            [
                "AND($F5>0,$G5>=$F5)",
                "AND($E5>0,$G5>=$E5)",
                "$G5>=$D5",
                "$G5<$D5",
            ],
        )

    # --- By Month

    def test_by_month_splits_100000_into_30_30_40_with_a_sum(self):
        sheet = self._workbook()["By Month"]
        self.assertEqual(
            [cell.value for cell in sheet[4]],
            [
                "Sales Team",
                "Salesperson",
                "Period",
                "Test 2030-01",
                "Test 2030-02",
                "Test 2030-03",
                "Total of Parts",
                "Quota Target",
                "Difference",
            ],
        )
        self.assertEqual(
            [cell.value for cell in sheet[5]],
            [
                "Test Beijing Team",
                self.salesman_li.name,
                "Test 2030-Q1",
                30000,
                30000,
                40000,
                "=SUM(D5:F5)",
                100000,
                "=G5-H5",
            ],
        )
        cached = self._workbook(data_only=True)["By Month"]
        self.assertEqual([cached["G5"].value, cached["I5"].value], [100000, 0])

    def test_by_month_totals_each_month_with_a_sum(self):
        sheet = self._workbook()["By Month"]
        self.assertEqual(
            [cell.value for cell in sheet[6]][:5],
            ["Total", None, None, "=SUM(D5:D5)", "=SUM(E5:E5)"],
        )

    # --- By Dimension

    def test_by_dimension_lists_region_and_agent_quotas(self):
        sheet = self._workbook()["By Dimension"]
        rows = [[sheet[f"{col}{row}"].value for col in "ABEI"] for row in range(5, 8)]
        self.assertEqual(
            rows,
            [
                ["Agent", self.agent.name, None, 10000],
                ["Salesperson", self.salesman_li.name, "Test North China", 20000],
                ["Total", None, None, "=SUBTOTAL(9,I5:I6)"],
            ],
        )

    # --- Decomposition

    def test_decomposition_ratios_are_input_cells(self):
        sheet = self._workbook()["Decomposition"]
        self.assertEqual([sheet[f"{col}5"].value for col in "DEFG"], [10000, 3, 5, 60])
        self.assertEqual(sheet["D5"].fill.fgColor.rgb, "FFFFF2CC")

    def test_decomposition_steps_are_formulas_over_the_ratio_cells(self):
        sheet = self._workbook()["Decomposition"]
        # the target's funnel: columns M (amount) to Q (calls per day)
        self.assertEqual(
            [sheet[f"{col}5"].value for col in "MNOPQ"],
            [
                100000,
                "=IF(D5>0,MAX(ROUNDUP(M5/D5-0.000000001,0),0),0)",
                "=MAX(ROUNDUP(N5*E5-0.000000001,0),0)",
                "=MAX(ROUNDUP(O5*F5-0.000000001,0),0)",
                "=IF(G5>0,MAX(ROUNDUP(P5/G5-0.000000001,0),0),0)",
            ],
        )

    def test_decomposition_caches_the_reverse_funnel(self):
        sheet = self._workbook(data_only=True)["Decomposition"]
        self.assertEqual(
            [sheet[f"{col}5"].value for col in "MNOPQ"], [100000, 10, 30, 150, 3]
        )
        self.assertEqual(
            [sheet[f"{col}5"].value for col in "HIJKL"], [80000, 8, 24, 120, 2]
        )

    # --- Activity against Target

    def test_activity_target_points_at_the_decomposition(self):
        sheet = self._workbook()["Activity against Target"]
        self.assertEqual(sheet["I5"].value, "='Decomposition'!Q5")
        self.assertEqual(sheet["G5"].value, "=IF(D5>0,E5/D5,0)")

    def test_activity_counts_effective_calls_and_visits_of_the_period(self):
        today = fields.Date.context_today(self.quota_li)
        period = self._period(
            "Test Current Month", self.month_type, today.replace(day=1), 1
        )
        quota = self._quota(period, self.salesman_li, 60000, working_days=20)
        quota.write({"working_days_total": 20, "working_days_elapsed": 2})
        now = fields.Datetime.now()
        values = [
            ("call", True),
            ("call", True),
            ("call", True),
            ("visit", True),
            ("call", False),
        ]
        self.env["sales.activity"].create(
            [
                {
                    "name": f"Test work {index}",
                    "kind": kind,
                    "is_effective": effective,
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                    "date": now - timedelta(minutes=index),
                    "company_id": self.company.id,
                }
                for index, (kind, effective) in enumerate(values)
            ]
        )
        sheet = self._workbook(quota, data_only=True)["Activity against Target"]
        self.assertEqual([sheet[f"{col}5"].value for col in "DEFGH"], [2, 4, 1, 2, 0.5])

    # --- language

    def test_zh_cn_user_gets_chinese_sheet_names(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        chinese = {
            "Summary": "汇总",
            "By Month": "按月",
            "By Dimension": "按维度",
            "Decomposition": "任务分解",
            "Activity against Target": "活动量对比目标",
        }
        key = ("sales_model_crm_reports", "zh_CN")
        translations = dict(code_translations.get_python_translations(*key))
        translations.update(chinese)
        with patch.dict(code_translations.python_translations, {key: translations}):
            workbook = self._workbook(lang="zh_CN")
        self.assertEqual(workbook.sheetnames, list(chinese.values()))

    # --- access

    def _visible_workbook(self, user):
        """The workbook of the Q1 quotas ``user`` finds (the list they print)."""
        quotas = (
            self.env["sales.quota"]
            .with_user(user)
            .search([("period_id", "=", self.q1.id)])
        )
        return self._workbook(quotas, user=user)

    def _summary_users(self, workbook):
        values = self._column(workbook["Summary"], "B")
        return {value for value in values if value} - {"Subtotal"}

    def test_salesperson_gets_own_lines_only(self):
        workbook = self._visible_workbook(self.salesman_li)
        self.assertEqual(self._summary_users(workbook), {self.salesman_li.name})
        self.assertEqual(
            self._column(workbook["By Dimension"], "B")[:-1],
            [self.salesman_li.name],
        )

    def test_salesperson_cannot_print_others_quotas(self):
        with self.assertRaises(AccessError):
            self._render(self.quota_zhang, user=self.salesman_li)

    def test_team_manager_gets_the_team_lines(self):
        workbook = self._visible_workbook(self.team_manager)
        self.assertEqual(self._summary_users(workbook), {self.salesman_li.name})

    def test_team_manager_export_holds_the_team_lines_only(self):
        export = self._export(user=self.team_manager)
        content = self._render(
            export, user=self.team_manager, report=EXPORT_REPORT_NAME
        )
        self.assertEqual(
            self._summary_users(self._open(content)), {self.salesman_li.name}
        )

    def test_director_gets_every_line(self):
        workbook = self._visible_workbook(self.director)
        self.assertEqual(
            self._summary_users(workbook),
            {self.salesman_li.name, self.salesman_zhang.name},
        )

    def test_user_outside_the_sales_team_cannot_render(self):
        with self.assertRaises(AccessError):
            self._render(self.quota_li, user=self.internal_user)

    def test_print_menu_is_offered_to_export_roles_only(self):
        action = self.env.ref(
            "sales_model_crm_reports.action_report_sales_quota_sheet_xlsx"
        )
        self.assertEqual(
            (action.binding_model_id.model, action.groups_id),
            (
                "sales.quota",
                self.env.ref("sales_model_crm.group_sales_team_manager")
                | self.env.ref("sales_team.group_sale_manager"),
            ),
        )
        menu = self.env.ref("sales_model_crm_reports.sales_quota_sheet_export_menu")
        self.assertEqual(menu.groups_id, action.groups_id)

    def test_quotas_of_several_bases_are_refused(self):
        count_quota = self._quota(self.q1, self.salesman_zhang, 5, basis="won_deals")
        with self.assertRaises(UserError):
            self._render(self.quota_li | count_quota)

    # --- export wizard

    def _export(self, user=None, **values):
        return (
            self.env["sales.quota.sheet.export"]
            .with_user(user or self.director)
            .create(
                {
                    "company_id": self.company.id,
                    "period_ids": [Command.set(self.q1.ids)],
                    **values,
                }
            )
        )

    def test_wizard_exports_the_periods_quotas_of_a_team(self):
        export = self._export(team_id=self.team_wang.id)
        action = export.action_export()
        self.assertEqual(action["report_name"], EXPORT_REPORT_NAME)
        content = self._render(export, report=EXPORT_REPORT_NAME)
        sheet = self._open(content)["Summary"]
        self.assertEqual(
            [sheet["B5"].value, sheet["B6"].value, sheet["A7"].value],
            [self.salesman_li.name, "Subtotal", "Total"],
        )
        self.assertIn("Team: Test Beijing Team", sheet["A2"].value)

    def test_file_name_holds_period_and_team(self):
        export = self._export(team_id=self.team_wang.id)
        self.assertEqual(
            export._get_file_name(), "Quota Sheet Test 2030-Q1 Test Beijing Team"
        )
        report = self.env["report." + REPORT_NAME]
        self.assertEqual(
            report._get_download_file_name(self.quota_zhang.ids, {}),
            "Quota Sheet Test 2030-Q1 Test Shanghai Team.xlsx",
        )

    def test_wizard_without_quotas_says_so(self):
        export = self._export(period_ids=[Command.set(self.jan.ids)], basis="sales")
        with self.assertRaises(UserError):
            export.action_export()


@tagged("post_install", "-at_install")
class TestQuotaSheetQueryBudget(SalesQuotaCommon):
    """Rendering costs the same number of queries for 5 or 20 salespeople."""

    def _team_of(self, size, name):
        users = self.env["res.users"].create(
            [
                {
                    "name": f"Test {name} {index}",
                    "login": f"smc_sheet_{name}_{index}",
                    "company_id": self.company.id,
                    "company_ids": [Command.set(self.company.ids)],
                    "groups_id": [
                        Command.set(self.env.ref("sales_team.group_sale_salesman").ids)
                    ],
                }
                for index in range(size)
            ]
        )
        team = self.env["crm.team"].create(
            {
                "name": f"Test {name}",
                "company_id": self.company.id,
                "member_ids": [Command.set(users.ids)],
            }
        )
        quotas = self.env["sales.quota"]
        for user in users:
            quarter = self._quota(self.q1, user, 90000, team_id=team.id)
            for period in (self.jan, self.feb, self.mar):
                self._quota(period, user, 30000, parent_id=quarter.id)
            quotas |= quarter
        return quotas

    def _count_render(self, quotas):
        report = self.env["ir.actions.report"].with_user(self.director)
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        report._render(REPORT_NAME, quotas.ids, {})
        return self.cr.sql_log_count - before

    def test_render_queries_do_not_grow_with_salespeople(self):
        small = self._count_render(self._team_of(5, "small"))
        large = self._count_render(self._team_of(20, "large"))
        self.assertEqual(small, large)
        self.assertLess(large, 60)
