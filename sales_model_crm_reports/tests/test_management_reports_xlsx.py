# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, timedelta

from freezegun import freeze_time
from openpyxl import load_workbook
from openpyxl.chart import BarChart

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.sales_model_crm.tests.common import SalesModelCommon

FUNNEL = "sales_model_crm_reports.funnel_xlsx"
DAILY = "sales_model_crm_reports.daily_review_xlsx"
COLLECTION = "sales_model_crm_reports.collection_xlsx"
# collections are looked at on 10 April 2030, after the March installments
COLLECTION_DAY = "2030-04-10"


@tagged("post_install", "-at_install")
class TestManagementReportsXlsx(SalesModelCommon):
    """The funnel, daily review and collections workbooks on a known data set.

    Funnel: four opportunities of Li in Wang's team through four stages of
    its own (A stays in New, B reaches Qualified, C is lost in Proposal, D is
    won), and one of Zhang in another team. Daily reviews: Li behind (3 of 5
    calls) then on target (6 of 5), Zhang on target. Collections: Li's order
    of 1,000 (300 due 1 March, 700 due 31 March) of which 500 is paid on 5
    March (so 500 of the second installment is overdue on 10 April); Zhang's
    order of 400, nothing paid.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_funnel()
        cls._setup_daily_reviews()
        cls._setup_collections()

    # --- data

    @classmethod
    def _setup_funnel(cls):
        Stage = cls.env["crm.stage"]
        cls.stages = Stage
        for sequence, name in enumerate(["New", "Qualified", "Proposal"], 1001):
            cls.stages |= Stage.create(
                {
                    "name": f"Test {name}",
                    "sequence": sequence,
                    "team_id": cls.team_wang.id,
                }
            )
        cls.stages |= Stage.create(
            {
                "name": "Test Won",
                "sequence": 1004,
                "team_id": cls.team_wang.id,
                "is_won": True,
            }
        )
        cls.stage_other = Stage.create(
            {"name": "Test Other New", "sequence": 1001, "team_id": cls.team_other.id}
        )
        new, qualified, proposal, won = cls.stages
        # stage changes are tracked like in the web client
        Lead = cls.env["crm.lead"].with_context(
            tracking_disable=False, mail_notrack=False
        )
        leads = Lead.create(
            [
                {
                    "name": f"Test Deal {name}",
                    "type": "opportunity",
                    "team_id": cls.team_wang.id,
                    "user_id": cls.salesman_li.id,
                    "stage_id": new.id,
                    "expected_revenue": revenue,
                }
                for name, revenue in (("A", 100), ("B", 200), ("C", 300), ("D", 400))
            ]
        )
        Lead.create(
            {
                "name": "Test Deal Zhang",
                "type": "opportunity",
                "team_id": cls.team_other.id,
                "user_id": cls.salesman_zhang.id,
                "stage_id": cls.stage_other.id,
                "expected_revenue": 999,
            }
        )
        cls._post_tracking()
        _lead_a, lead_b, lead_c, lead_d = leads
        for lead, stage in (
            (lead_b, qualified),
            (lead_c, qualified),
            (lead_c, proposal),
            (lead_d, won),
        ):
            lead.stage_id = stage
            cls._post_tracking()
        lead_c.action_set_lost()

    @classmethod
    def _post_tracking(cls):
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _setup_daily_reviews(cls):
        cls.day1 = cls._today() - timedelta(days=2)
        cls.day2 = cls._today() - timedelta(days=1)
        Review = cls.env["sales.daily.review"]
        cls.reviews = Review
        for user, day, effective, score, comment in (
            (cls.salesman_li, cls.day1, 3, "2", "Call the Zhilian buyer again"),
            (cls.salesman_li, cls.day2, 6, "4", False),
            (cls.salesman_zhang, cls.day2, 5, False, False),
        ):
            review = Review.create(
                {"user_id": user.id, "date": day, "company_id": cls.company.id}
            )
            # the figures the system would have read, then the leader's review
            review.write(
                {
                    "effective_call_count": effective,
                    "call_target": 5,
                    "done_count": effective + 1,
                    "visit_count": 1,
                    "score": score,
                    "manager_comment": comment,
                }
            )
            cls.reviews |= review

    @classmethod
    def _setup_collections(cls):
        cls._setup_sale_orders()
        order_li = cls._sale_order(
            cls.customer_li, cls.salesman_li, cls.team_wang, 1000
        )
        order_zhang = cls._sale_order(
            cls.customer_zhang, cls.salesman_zhang, cls.team_other, 400
        )
        for order in order_li | order_zhang:
            order.action_sales_collection_plan()
        invoice = order_li._create_invoices()
        invoice.invoice_date = date(2030, 3, 1)
        invoice.action_post()
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"payment_date": date(2030, 3, 5), "amount": 500.0})._create_payments()

    # --- helpers

    def _rows(self, model, user=None, **filters):
        domain = [("company_id", "=", self.company.id)]
        domain += [(key, "in", value.ids) for key, value in filters.items()]
        return self.env[model].with_user(user or self.director).search(domain)

    def _funnel_rows(self, user=None):
        return self._rows("sales.funnel.report", user, stage_id=self.stages)

    def _render(self, report_name, ids, data=None, user=None, data_only=False):
        """The rendered workbook, opened (``data_only``: cached formula results)."""
        report = self.env["ir.actions.report"].with_user(user or self.director)
        content, report_type = report._render(report_name, ids, data or {})
        self.assertEqual(report_type, "xlsx")
        return load_workbook(io.BytesIO(content), data_only=data_only)

    def _funnel(self, **kwargs):
        return self._render(FUNNEL, self._funnel_rows().ids, **kwargs)["Funnel"]

    def _daily(self, user=None, **kwargs):
        ids = self._rows("sales.daily.review", user).ids
        return self._render(DAILY, ids, user=user, **kwargs)

    @freeze_time(COLLECTION_DAY)
    def _collections(self, user=None, **kwargs):
        ids = self._rows("sales.collection.report", user).ids
        return self._render(COLLECTION, ids, user=user, **kwargs)

    def _values(self, sheet, rows, columns):
        return [[sheet[f"{col}{row}"].value for col in columns] for row in rows]

    def _conditional_rules(self, sheet):
        return {
            str(formatting.sqref): [
                (rule.type, rule.operator, rule.formula) for rule in formatting.rules
            ]
            for formatting in sheet.conditional_formatting
        }

    def _export(self, user=None, **values):
        return (
            self.env["sales.management.report.export"]
            .with_user(user or self.director)
            .create({"company_id": self.company.id, **values})
        )

    # --- funnel

    def test_funnel_lists_stages_with_counts_revenue_won_and_days(self):
        sheet = self._funnel()
        self.assertEqual(
            self._values(sheet, range(4, 9), "ABCD"),
            [
                ["Stage", "Opportunities", "Expected Revenue", "Won"],
                ["Test New", 4, 1000, 1],
                ["Test Qualified", 3, 900, 1],
                ["Test Proposal", 2, 700, 1],
                ["Test Won", 1, 400, 1],
            ],
        )
        self.assertEqual(sheet["G4"].value, "Average Days in Stage")
        # a number of days; 0 when the stage changes came in the same second
        # (a workbook keeps 0.0 as 0), or when the test process's clock is
        # moved and PostgreSQL's is not (bin/test, SMC_TEST_CLOCKS)
        self.assertIsInstance(sheet["G5"].value, (int, float))

    def test_funnel_conversions_are_formulas_over_the_counts(self):
        sheet = self._funnel()
        self.assertEqual(
            self._values(sheet, (5, 8), "EF"),
            [
                ['=IF(B5=0,"",B6/B5)', '=IF(B5=0,"",D5/B5)'],
                [None, '=IF(B8=0,"",D8/B8)'],
            ],
        )

    def test_funnel_total_is_the_whole_funnel_conversion(self):
        sheet = self._funnel()
        self.assertEqual(
            self._values(sheet, [9], "ABDF"),
            [["Total", "=B5", "=MAX(D5:D8)", '=IF(B9=0,"",D9/B9)']],
        )

    def test_funnel_formats_money_percent_and_days(self):
        sheet = self._funnel()
        self.assertEqual(
            [sheet[cell].number_format for cell in ("C5", "E5", "F5", "G5")],
            ['"$"#,##0.00', "0.0%", "0.0%", "0.0"],
        )

    def test_funnel_charts_opportunities_per_stage(self):
        charts = self._funnel()._charts
        self.assertEqual([type(chart) for chart in charts], [BarChart])
        self.assertEqual(charts[0].type, "bar")  # horizontal bars

    def test_funnel_sheet_is_frozen_filtered_and_printable(self):
        sheet = self._funnel()
        self.assertEqual(
            [
                sheet.freeze_panes,
                sheet.auto_filter.ref,
                sheet.page_setup.orientation,
                int(sheet.page_setup.paperSize),
                sheet.print_title_rows,
            ],
            ["B5", "A4:G8", "landscape", 9, "$4:$4"],
        )

    def test_title_names_period_team_and_generation(self):
        sheet = self._funnel()
        self.assertEqual(sheet["A1"].value, "Sales Funnel")
        self.assertIn("Test Beijing Team, generated on ", sheet["A2"].value)
        self.assertIn("Test Beijing Team", sheet.oddHeader.left.text)
        self.assertEqual(sheet.oddHeader.center.text, "&BSales Funnel")

    def test_columns_fit_the_longest_text(self):
        sheet = self._funnel()
        self.assertGreaterEqual(
            sheet.column_dimensions["G"].width, len("Average Days in Stage")
        )

    # --- daily reviews

    def test_daily_review_has_a_row_per_salesperson_day(self):
        sheet = self._daily()["Daily Reviews"]
        li, zhang = self.salesman_li.name, self.salesman_zhang.name
        rows = self._values(sheet, range(5, 8), "BFGJPQ")
        self.assertEqual(
            sorted(rows, key=str),
            sorted(
                [
                    [li, 3, 5, 1, 2, "Call the Zhilian buyer again"],
                    [li, 6, 5, 1, 4, None],
                    [zhang, 5, 5, 1, None, None],
                ],
                key=str,
            ),
        )
        self.assertEqual(sheet["A5"].value.date(), self.day1)

    def test_daily_review_gap_attainment_and_totals_are_formulas(self):
        sheet = self._daily()["Daily Reviews"]
        self.assertEqual(
            self._values(sheet, (5, 8), "FHI"),
            [
                [3, "=MAX(G5-F5,0)", '=IF(G5=0,"",F5/G5)'],
                ["=SUM(F5:F7)", "=SUM(H5:H7)", '=IF(G8=0,"",F8/G8)'],
            ],
        )
        self.assertEqual(sheet["P8"].value, '=IF(COUNT(P5:P7)=0,"",AVERAGE(P5:P7))')

    def test_daily_review_is_red_below_target(self):
        sheet = self._daily()["Daily Reviews"]
        self.assertEqual(
            self._conditional_rules(sheet),
            {"F5:I7": [("expression", None, ["AND($G5>0,$F5<$G5)"])]},
        )

    def test_daily_review_sums_each_salesperson_with_formulas(self):
        sheet = self._daily()["By Salesperson"]
        self.assertEqual(
            self._values(sheet, [5], "ABCE"),
            [
                [
                    self.salesman_li.name,
                    "=COUNTIF('Daily Reviews'!$B$5:$B$7,\"=\"&$A5)",
                    "=SUMIF('Daily Reviews'!$B$5:$B$7,\"=\"&$A5,"
                    "'Daily Reviews'!$F$5:$F$7)",
                    '=IF(D5=0,"",C5/D5)',
                ]
            ],
        )
        self.assertEqual(
            self._conditional_rules(sheet), {"E5:E6": [("cellIs", "lessThan", ["1"])]}
        )

    # --- collections

    def test_collections_planned_collected_and_overdue_per_salesperson(self):
        sheet = self._collections()["Collections"]
        self.assertEqual(
            self._values(sheet, (5, 6), "ACDEG"),
            sorted(
                [
                    [self.salesman_li.name, "March 2030", 1000, 500, 500],
                    [self.salesman_zhang.name, "March 2030", 400, 0, 400],
                ]
            ),
        )

    def test_collections_rate_and_totals_are_formulas(self):
        sheet = self._collections()["Collections"]
        self.assertEqual(
            self._values(sheet, (5, 7), "DF"),
            [
                [1000, '=IF(D5=0,"",E5/D5)'],
                ["=SUM(D5:D6)", '=IF(D7=0,"",E7/D7)'],
            ],
        )

    def test_collections_formulas_carry_their_results(self):
        sheet = self._collections(data_only=True)["Collections"]
        self.assertEqual([sheet["F5"].value, sheet["F6"].value], [0.5, 0])

    def test_collections_overdue_is_highlighted(self):
        workbook = self._collections()
        self.assertEqual(
            self._conditional_rules(workbook["Collections"]),
            {
                "G5:G6": [("cellIs", "greaterThan", ["0"])],
                "F5:F6": [("cellIs", "greaterThanOrEqual", ["1"])],
            },
        )
        self.assertEqual(
            self._conditional_rules(workbook["Overdue"]),
            {"H5:H7": [("cellIs", "greaterThan", ["0"])]},
        )

    def test_overdue_sheet_lists_open_installments(self):
        sheet = self._collections()["Overdue"]
        rows = self._values(sheet, range(5, 9), "CEFGH")
        self.assertEqual(
            rows,
            [
                [self.salesman_zhang.name, 40, 120, 0, "=F5-G5"],
                [self.salesman_li.name, 10, 700, 200, "=F6-G6"],
                [self.salesman_zhang.name, 10, 280, 0, "=F7-G7"],
                [None, None, "=SUM(F5:F7)", "=SUM(G5:G7)", "=SUM(H5:H7)"],
            ],
        )

    # --- who exports what

    def test_salesman_cannot_render_the_workbooks(self):
        for report, model in (
            (FUNNEL, "sales.funnel.report"),
            (DAILY, "sales.daily.review"),
            (COLLECTION, "sales.collection.report"),
        ):
            ids = self._rows(model, self.salesman_li).ids
            with self.subTest(report=report), self.assertRaises(AccessError):
                self._render(report, ids, user=self.salesman_li)

    def test_team_manager_exports_own_team_rows_only(self):
        export = self._export(
            self.team_manager,
            report_kind="daily_review",
            date_from=self.day1,
            date_to=self.day2,
        )
        sheet = self._render(
            DAILY, None, data={"export_id": export.id}, user=self.team_manager
        )["Daily Reviews"]
        self.assertEqual(
            {row[0] for row in self._values(sheet, range(5, 7), "B")},
            {self.salesman_li.name},
        )
        self.assertEqual(sheet["B7"].value, "Total")

    def test_team_manager_cannot_render_rows_outside_own_teams(self):
        zhang_rows = self._rows("sales.daily.review", user_id=self.salesman_zhang)
        with self.assertRaises(AccessError):
            self._render(DAILY, zhang_rows.ids, user=self.team_manager)

    # --- wizard

    def test_wizard_returns_the_chosen_report(self):
        for kind, report_name in (
            ("funnel", FUNNEL),
            ("daily_review", DAILY),
            ("collection", COLLECTION),
        ):
            export = self._export(
                report_kind=kind, date_from=date(2020, 1, 1), date_to=date(2031, 1, 1)
            )
            action = export.action_export()
            with self.subTest(kind=kind):
                self.assertEqual(
                    [
                        action[key]
                        for key in ("type", "report_name", "report_type", "data")
                    ]
                    + [action["close_on_report_download"]],
                    [
                        "ir.actions.report",
                        report_name,
                        "xlsx",
                        {"export_id": export.id},
                        True,
                    ],
                )

    def test_wizard_takes_the_dates_of_the_period(self):
        period_type = self.env["date.range.type"].create({"name": "Test Month"})
        period = self.env["date.range"].create(
            {
                "name": "Test March 2030",
                "type_id": period_type.id,
                "date_start": date(2030, 3, 1),
                "date_end": date(2030, 3, 31),
            }
        )
        export = self._export(report_kind="collection", date_range_id=period.id)
        self.assertEqual(
            (export.date_from, export.date_to), (date(2030, 3, 1), date(2030, 3, 31))
        )
        with freeze_time(COLLECTION_DAY):
            sheet = self._render(COLLECTION, None, data={"export_id": export.id})[
                "Collections"
            ]
        self.assertIn("Test March 2030", sheet["A2"].value)

    def test_wizard_filters_by_team(self):
        export = self._export(
            report_kind="collection",
            date_from=date(2030, 3, 1),
            date_to=date(2030, 3, 31),
            team_id=self.team_other.id,
        )
        with freeze_time(COLLECTION_DAY):
            sheet = self._render(COLLECTION, None, data={"export_id": export.id})[
                "Collections"
            ]
        self.assertEqual(
            self._values(sheet, (5, 6), "AB"),
            [[self.salesman_zhang.name, "Test Shanghai Team"], ["Total", None]],
        )

    def test_wizard_without_rows_is_refused(self):
        export = self._export(
            report_kind="funnel", date_from=date(2001, 1, 1), date_to=date(2001, 1, 31)
        )
        with self.assertRaises(UserError):
            export.action_export()

    def test_file_name_has_report_period_and_team(self):
        export = self._export(
            report_kind="collection",
            date_from=date(2030, 3, 1),
            date_to=date(2030, 3, 31),
            team_id=self.team_wang.id,
        )
        report = self.env["report.sales_model_crm_reports.collection_xlsx"]
        self.assertEqual(
            report.with_user(self.director)._get_download_file_name(
                None, {"export_id": export.id}
            ),
            "Collections - 2030-03-01_2030-03-31 - Test Beijing Team.xlsx",
        )

    def test_export_menu_is_for_managers_only(self):
        menu = self.env.ref(
            "sales_model_crm_reports.sales_management_report_export_menu"
        )
        visible = [
            menu.id in self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            for user in (self.salesman_li, self.team_manager, self.director)
        ]
        self.assertEqual(visible, [False, True, True])
