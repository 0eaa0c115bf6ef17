# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import SalesModelCommon

# noon UTC: the same calendar day from UTC-11 to UTC+11 (20:00 in Beijing), so
# that "N days ago" is N days in the user's time zone too
NOON = "2030-06-15 12:00:00"
TODAY = date(2030, 6, 15)


@tagged("post_install", "-at_install")
class TestCustomerCareBoundaries(SalesModelCommon):
    """The care cadence of a tier, a day either side.

    Platinum customers are contacted at least every 14 days: the contact is
    due 14 days after the last visit record and overdue from that day on.
    The customer form and the "care overdue" filter must agree.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tier_platinum.care_cadence_days = 14
        cls.customer_li.with_company(cls.company).sudo().write(
            {"sales_tier_id": cls.tier_platinum.id}
        )

    def _visit(self, days_ago):
        self.env["sales.activity"].create(
            {
                "name": "Test visit",
                "partner_id": self.customer_li.id,
                "user_id": self.salesman_li.id,
                "date": fields.Datetime.now() - timedelta(days=days_ago),
            }
        )

    def _care(self):
        """(due date, overdue) on the form; the filter must say the same."""
        customer = self.customer_li.with_company(self.company)
        customer.invalidate_recordset()
        overdue = customer.sales_care_overdue
        found = (
            self.env["res.partner"]
            .with_company(self.company)
            .search([("sales_care_overdue", "=", True), ("id", "=", customer.id)])
        )
        self.assertEqual(bool(found), overdue, "the filter agrees with the form")
        return customer.sales_care_due_date, overdue

    @freeze_time(NOON)
    def test_visit_13_days_ago_is_due_tomorrow(self):
        """Visited on 2 June: due on 16 June, not overdue on 15 June."""
        self._visit(13)
        self.assertEqual(self._care(), (TODAY + timedelta(days=1), False))

    @freeze_time(NOON)
    def test_visit_14_days_ago_is_overdue_today(self):
        """Visited on 1 June: 14 days are up on 15 June, the contact is overdue."""
        self._visit(14)
        self.assertEqual(self._care(), (TODAY, True))

    @freeze_time(NOON)
    def test_tier_without_cadence_is_never_overdue(self):
        self.tier_platinum.care_cadence_days = 0
        self._visit(400)
        self.assertEqual(self._care(), (False, False))
