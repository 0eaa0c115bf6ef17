# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestPeriodGenerate(SalesModelCommon):
    """A director generates a year's assessment periods in one step."""

    def _generate(self, year, user=None, **cycles):
        cycles = cycles or {
            "cycle_year": True,
            "cycle_quarter": True,
            "cycle_month": True,
            "cycle_week": True,
        }
        values = {
            "cycle_year": False,
            "cycle_quarter": False,
            "cycle_month": False,
            "cycle_week": False,
            **cycles,
            "year": year,
            "company_id": self.company.id,
        }
        wizard = (
            self.env["sales.period.generate"]
            .with_user(user or self.director)
            .with_company(self.company)
            .create(values)
        )
        action = wizard.action_generate()
        return self.env["date.range"].browse(action["domain"][0][2])

    def _periods(self, cycle, year=None):
        domain = [
            ("company_id", "=", self.company.id),
            ("type_id.sales_cycle", "=", cycle),
        ]
        if year:
            domain += [("name", "=like", f"{year}-%")]
        return self.env["date.range"].search(domain, order="date_start")

    def test_a_year_gives_one_year_four_quarters_twelve_months(self):
        periods = self._generate(2027)
        self.assertEqual(len(self._periods("year")), 1)
        self.assertEqual(len(self._periods("quarter")), 4)
        self.assertEqual(len(self._periods("month")), 12)
        self.assertEqual(len(self._periods("week")), 52)
        self.assertEqual(len(periods), 1 + 4 + 12 + 52)

    def test_periods_are_named_and_dated_by_their_cycle(self):
        self._generate(2027)
        year = self._periods("year")
        self.assertEqual(year.name, "2027")
        self.assertEqual(
            (year.date_start, year.date_end), (date(2027, 1, 1), date(2027, 12, 31))
        )
        q1 = self._periods("quarter")[0]
        self.assertEqual(q1.name, "2027-Q1")
        self.assertEqual(
            (q1.date_start, q1.date_end), (date(2027, 1, 1), date(2027, 3, 31))
        )
        february = self._periods("month")[1]
        self.assertEqual(february.name, "2027-02")
        self.assertEqual(february.date_end, date(2027, 2, 28))

    def test_weeks_are_iso_weeks_monday_to_sunday_not_cut_at_new_year(self):
        self._generate(2026, cycle_week=True)
        weeks = self._periods("week")
        # 2026 starts on a Thursday: 53 ISO weeks, the first from 29 December
        self.assertEqual(len(weeks), 53)
        self.assertEqual(weeks[0].name, "2026-W01")
        self.assertEqual(weeks[0].date_start, date(2025, 12, 29))
        self.assertEqual(weeks[-1].name, "2026-W53")
        self.assertEqual(weeks[-1].date_end, date(2027, 1, 3))
        for week in weeks:
            self.assertEqual(week.date_start.isoweekday(), 1, week.name)
            self.assertEqual((week.date_end - week.date_start).days, 6, week.name)

    def test_two_years_of_weeks_do_not_overlap(self):
        self._generate(2026, cycle_week=True)
        self._generate(2027, cycle_week=True)
        weeks = self._periods("week")
        self.assertEqual(len(weeks), 53 + 52)
        self.assertEqual(
            weeks.filtered(lambda w: w.name == "2027-W01").date_start, date(2027, 1, 4)
        )

    def test_one_period_type_per_cycle_without_overlaps(self):
        self._generate(2027)
        types = self._periods("quarter").type_id | self._periods("month").type_id
        self.assertEqual(len(types), 2)
        self.assertEqual(set(types.mapped("name")), {"Quarter", "Month"})
        self.assertFalse(any(types.mapped("allow_overlap")))
        self.assertEqual(types.company_id, self.company)

    def test_generating_twice_creates_nothing_twice(self):
        first = self._generate(2027)
        types = self.env["date.range.type"].search_count([])
        second = self._generate(2027)
        self.assertEqual(set(first.ids), set(second.ids))
        self.assertEqual(len(self._periods("month")), 12)
        self.assertEqual(self.env["date.range.type"].search_count([]), types)

    def test_a_period_with_the_same_dates_is_kept_under_its_own_name(self):
        self._generate(2027, cycle_month=True)
        january = self._periods("month")[0]
        january.name = "January 2027"
        self._generate(2027, cycle_month=True, cycle_quarter=True)
        self.assertEqual(len(self._periods("month")), 12)
        self.assertEqual(self._periods("month")[0], january)
        self.assertEqual(january.name, "January 2027")

    def test_a_type_of_the_same_name_is_adopted(self):
        handmade = self.env["date.range.type"].create(
            {"name": "Month", "company_id": self.company.id}
        )
        self._generate(2027, cycle_month=True)
        self.assertEqual(handmade.sales_cycle, "month")
        self.assertEqual(len(handmade.date_range_ids), 12)

    def test_quarters_hold_their_months(self):
        self._generate(2027, cycle_month=True, cycle_quarter=True)
        q2 = self._periods("quarter")[1]
        self.assertEqual(
            q2._sales_sub_periods("month").mapped("name"),
            ["2027-04", "2027-05", "2027-06"],
        )

    def test_an_overlapping_period_stops_the_run_and_nothing_is_written(self):
        self._generate(2027, cycle_month=True)
        month_type = self._periods("month").type_id
        self._periods("month")[0].unlink()
        self.env["date.range"].create(
            {
                "name": "Mid-January",
                "type_id": month_type.id,
                "date_start": date(2027, 1, 10),
                "date_end": date(2027, 1, 20),
                "company_id": self.company.id,
            }
        )
        before = self.env["date.range"].search_count([])
        # quarters come first and are created before the months fail
        with self.assertRaisesRegex(UserError, "2027-01"):
            self._generate(2027, cycle_quarter=True, cycle_month=True)
        self.assertEqual(self.env["date.range"].search_count([]), before)

    def test_a_year_out_of_range_is_refused(self):
        for year in (1999, 2101):
            with self.assertRaises(UserError):
                self._generate(year, cycle_month=True)
        self.assertFalse(self._periods("month"))

    def test_no_cycle_chosen_is_refused(self):
        with self.assertRaisesRegex(UserError, "at least one cycle"):
            self._generate(2027, cycle_month=False)

    def test_a_salesperson_cannot_generate_periods(self):
        with self.assertRaises(AccessError):
            self._generate(2027, user=self.salesman_li, cycle_month=True)
