# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .test_quota_sheet_xlsx import QuotaSheetCommon


@tagged("post_install", "-at_install")
class TestQuotaSheetHierarchy(QuotaSheetCommon):
    """A team's quarter in the quota sheet: its months in By Month, its own
    section in Summary, never added to its salespeople's.

    The team's quarter of 240,000 goes 30 / 30 / 40 into its months (72,000,
    72,000 and 96,000), each month equally into three salespeople (24,000,
    24,000 and 32,000 each, 80,000 each for the quarter).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._team_quarter_split(("smc_hier_xa", "smc_hier_xb", "smc_hier_xc"))
        cls.parts = cls.quarter.child_ids.child_ids

    def _rows(self, sheet):
        return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=5)]

    def test_by_month_lists_the_team_quarters_three_months(self):
        sheet = self._workbook(self.quarter | self.parts, data_only=True)["By Month"]
        self.assertEqual(
            [cell.value for cell in sheet[4]][3:6],
            ["Test 2030-01", "Test 2030-02", "Test 2030-03"],
        )
        rows = self._rows(sheet)
        self.assertEqual(
            rows[0],
            [
                "Test Shenzhen Team",
                "Team quota",
                "Test 2030-Q1",
                72_000,
                72_000,
                96_000,
                240_000,
                240_000,
                0,
            ],
        )
        self.assertEqual(rows[1][0], "Total of Teams")
        self.assertEqual(rows[1][3:7], [72_000, 72_000, 96_000, 240_000])
        self.assertEqual(len(rows), 2)

    def test_summary_totals_salespeople_and_team_apart(self):
        sheet = self._workbook(self.quarter | self.parts, data_only=True)["Summary"]
        rows = self._rows(sheet)
        totals = {
            row[0]: row[4] for row in rows if row[0] in ("Total", "Total of Teams")
        }
        # the salespeople's nine months and the team's quarter: 240,000 each,
        # not 480,000 in one total
        self.assertEqual(totals, {"Total": 240_000, "Total of Teams": 240_000})
        team_rows = [row for row in rows if row[1] == "Team quota"]
        self.assertEqual(
            [row[2] for row in team_rows], ["Test 2030-Q1"], "the quarter once"
        )
        self.assertEqual(len(rows), 9 + 1 + 1 + 1 + 1)

    def test_summary_shows_a_quarter_once_when_its_months_are_exported(self):
        months = self.quarter.child_ids
        sheet = self._workbook(self.quarter | months, data_only=True)["Summary"]
        rows = self._rows(sheet)
        self.assertEqual(
            [row[2] for row in rows if row[1] == "Team quota"], ["Test 2030-Q1"]
        )
        self.assertEqual(rows[-1][:1] + rows[-1][4:5], ["Total of Teams", 240_000])
