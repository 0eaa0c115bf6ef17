# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from openpyxl.chart import BarChart, LineChart

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import FORMULA_NAME, ParetoXlsxCommon


@tagged("post_install", "-at_install")
class TestCustomerParetoXlsx(ParetoXlsxCommon):
    # --- structure

    def test_workbook_has_pareto_and_tiers_sheets(self):
        self.assertEqual(self._render_all().sheetnames, ["Pareto", "Tiers"])

    def test_title_rows_name_the_company_and_generation(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(sheet["A1"].value, "Pareto Analysis")
        self.assertIn("Test Pareto Company, generated on ", sheet["A2"].value)
        self.assertTrue(sheet["A2"].value.endswith(f"by {self.director.name}"))

    def test_header_row_is_bold(self):
        sheet = self._render_all()["Pareto"]
        headers = [cell.value for cell in sheet[4]]
        self.assertEqual(
            headers,
            [
                "Rank",
                "Customer",
                "Customer Tier",
                "Salesperson",
                "Sales Region",
                "Revenue",
                "Share",
                "Cumulative Share",
                "Top % of Customers",
            ],
        )
        self.assertTrue(all(cell.font.b for cell in sheet[4]))

    def test_panes_are_frozen_below_header_and_beside_customer(self):
        self.assertEqual(self._render_all()["Pareto"].freeze_panes, "C5")

    def test_autofilter_covers_header_and_rows(self):
        self.assertEqual(self._render_all()["Pareto"].auto_filter.ref, "A4:I9")

    def test_customer_column_fits_the_longest_name(self):
        sheet = self._render_all()["Pareto"]
        self.assertGreaterEqual(sheet.column_dimensions["B"].width, len(FORMULA_NAME))

    def test_revenue_has_a_data_bar(self):
        sheet = self._render_all()["Pareto"]
        rules = {
            str(formatting.sqref): [rule.type for rule in formatting.rules]
            for formatting in sheet.conditional_formatting
        }
        self.assertEqual(rules, {"F5:F9": ["dataBar"]})

    def test_page_is_a4_landscape_with_repeated_header_row(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            (
                sheet.page_setup.orientation,
                int(sheet.page_setup.paperSize),
                sheet.print_title_rows,
            ),
            ("landscape", 9, "$4:$4"),
        )

    def test_page_header_names_company_title_and_generation(self):
        header = self._render_all()["Pareto"].oddHeader
        self.assertEqual(
            (header.left.text, header.center.text),
            ("Test Pareto Company", "&BPareto Analysis"),  # &B: bold
        )
        self.assertTrue(header.right.text)

    def test_workbook_without_rows_says_so(self):
        workbook = self._open(self._render([]))
        self.assertEqual(
            [workbook["Pareto"]["B5"].value, workbook["Tiers"]["A5"].value],
            ["No customer revenue.", "No customer revenue."],
        )

    # --- Pareto rows

    def test_rows_are_ranked_by_revenue(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            [cell.value for cell in self._column(sheet, "B")],
            [
                "Test Pareto Alpha",
                "Test Pareto Beta",
                "Test Pareto Gamma",
                FORMULA_NAME,
                "Test Pareto Epsilon",
            ],
        )

    def test_rows_show_rank_tier_salesperson_and_revenue(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            [cell.value for cell in sheet[5]][:6],
            [1, "Test Pareto Alpha", "Platinum", self.salesman_li.name, None, 6000],
        )

    def test_tiers_follow_the_80_20_cuts(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            [cell.value for cell in self._column(sheet, "C")],
            ["Platinum", "Platinum", "Gold", "Gold", "Silver"],
        )

    def test_top_percent_of_customers_is_a_percentage(self):
        sheet = self._render_all()["Pareto"]
        cells = self._column(sheet, "I")
        self.assertEqual(
            ([cell.value for cell in cells], cells[0].number_format),
            ([0.2, 0.4, 0.6, 0.8, 1], "0%"),
        )

    def test_revenue_uses_the_company_currency(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(sheet["F5"].number_format, '"¥"#,##0.00')

    def test_partner_name_like_a_formula_is_written_as_text(self):
        cell = self._render_all()["Pareto"]["B8"]
        self.assertEqual((cell.value, cell.data_type), (FORMULA_NAME, "s"))

    # --- formulas

    def test_share_is_a_formula_over_the_total_revenue(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            [cell.value for cell in self._column(sheet, "G")],
            [f"=F{row}/$F$10" for row in range(5, 10)],
        )

    def test_cumulative_share_is_a_running_sum_formula(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            [cell.value for cell in self._column(sheet, "H")],
            [f"=SUM($F$5:F{row})/$F$10" for row in range(5, 10)],
        )

    def test_shares_use_a_percentage_format(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            {sheet[cell].number_format for cell in ("G5", "H9", "G10")}, {"0.00%"}
        )

    def test_formulas_carry_their_results_for_viewers_that_do_not_compute(self):
        sheet = self._render_all(data_only=True)["Pareto"]
        shares = [cell.value for cell in self._column(sheet, "G")]
        cumulative = [cell.value for cell in self._column(sheet, "H")]
        for value, expected in zip(
            shares + cumulative,
            [0.6, 0.2, 0.1, 0.06, 0.04, 0.6, 0.8, 0.9, 0.96, 1.0],
            strict=True,
        ):
            self.assertAlmostEqual(value, expected)

    def test_totals_row_sums_revenue_and_share(self):
        sheet = self._render_all()["Pareto"]
        self.assertEqual(
            [sheet[cell].value for cell in ("B10", "F10", "G10")],
            ["Total", "=SUM(F5:F9)", "=SUM(G5:G9)"],
        )

    # --- Tiers sheet

    def test_tiers_sheet_lists_the_company_tiers_best_first(self):
        sheet = self._render_all()["Tiers"]
        self.assertEqual(
            [sheet.cell(row, 1).value for row in range(4, 10)],
            ["Customer Tier", "Platinum", "Gold", "Silver", "Ordinary", "Total"],
        )

    def test_tiers_sheet_counts_customers_with_countif(self):
        sheet = self._render_all()["Tiers"]
        self.assertEqual(sheet["B5"].value, "=COUNTIF('Pareto'!$C$5:$C$9,\"=\"&A5)")

    def test_tiers_sheet_sums_revenue_with_sumif(self):
        sheet = self._render_all()["Tiers"]
        self.assertEqual(
            sheet["C6"].value,
            "=SUMIF('Pareto'!$C$5:$C$9,\"=\"&A6,'Pareto'!$F$5:$F$9)",
        )

    def test_tiers_sheet_caches_counts_revenue_and_shares(self):
        sheet = self._render_all(data_only=True)["Tiers"]
        self.assertEqual(
            [[sheet.cell(row, col).value for col in (2, 3, 4)] for row in range(5, 10)],
            [[2, 8000, 0.8], [2, 1600, 0.16], [1, 400, 0.04], [0, 0, 0], [5, 10000, 1]],
        )

    def test_customers_without_tier_get_a_line_of_their_own(self):
        partner = self.env["res.partner"].create({"name": "Test Pareto Untiered"})
        self._invoice(partner, 100)  # revenue, but no retiering yet
        sheet = self._render_all()["Tiers"]
        self.assertEqual(
            [sheet["A9"].value, sheet["B9"].value],
            ["No Tier", "=COUNTIF('Pareto'!$C$5:$C$10,\"=\")"],
        )

    def test_tiers_sheet_charts_revenue_per_tier_and_the_pareto_curve(self):
        charts = self._render_all()["Tiers"]._charts
        self.assertEqual([type(chart) for chart in charts], [BarChart, LineChart])

    def test_queries_do_not_grow_with_the_rows(self):
        self._render(self._paretos().ids)  # warm the registry caches up
        # no query per row: five rows cost no more than two
        self.assertLessEqual(
            self._count_render_queries(self._paretos()),
            self._count_render_queries(self._paretos(self.alpha | self.beta)),
        )

    def _count_render_queries(self, paretos):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self._render(paretos.ids)
        return self.cr.sql_log_count - before

    # --- access

    def test_salesman_cannot_render_the_report(self):
        with self.assertRaises(AccessError):
            self._render(self._paretos(self.alpha).ids, user=self.salesman_li)

    def test_salesperson_with_all_documents_cannot_render_the_report(self):
        with self.assertRaises(AccessError):
            self._render(self._paretos(self.alpha).ids, user=self.salesman_all)

    def test_team_manager_renders_rows_of_own_team(self):
        content = self._render(self._paretos(self.alpha).ids, user=self.team_manager)
        sheet = self._open(content)["Pareto"]
        self.assertEqual(sheet["B5"].value, "Test Pareto Alpha")

    def test_team_manager_cannot_render_rows_outside_own_teams(self):
        with self.assertRaises(AccessError):
            self._render(self._paretos(self.beta).ids, user=self.team_manager)

    def test_rows_of_several_companies_are_refused(self):
        main_company = self.env.ref("base.main_company")
        self.director.company_ids = [Command.link(main_company.id)]
        partner = self.env["res.partner"].create({"name": "Test Pareto Elsewhere"})
        self._invoice(partner, 100, company=main_company)
        paretos = self._paretos(self.alpha | partner, self.company | main_company)
        with self.assertRaises(UserError):
            self._render(
                paretos.ids, allowed_company_ids=(self.company | main_company).ids
            )

    # --- language

    def test_sheets_and_columns_follow_the_user_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["sales_model_crm_reports"], ["zh_CN"]
        )
        workbook = self._open(self._render(self._paretos().ids, lang="zh_CN"))
        self.assertEqual(
            [workbook.sheetnames, workbook.worksheets[0]["G4"].value],
            [["二八分析", "客户级别"], "占比"],
        )
