# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_customer_care import SalesCustomerCareCommon


@tagged("post_install", "-at_install")
class TestPurchaseCycleBoundaries(SalesCustomerCareCommon):
    """The refill reminder falls when 80 % of the supply is used up.

    A filter cartridge lasts 100 days: one bought 80 days ago has 80 % of its
    supply used, and the salesperson is reminded today; one bought 79 days
    ago is reminded tomorrow.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.filter = cls._create_product("Test Filter Cartridge", 100)

    def test_reminder_on_the_day_80_percent_of_the_supply_is_used(self):
        self._order(self.customer_li, self.filter, 1, days_ago=80)
        cycle = self._cycle(self.customer_li, self.filter)
        # 1 x 100 days: expected in 100 - 80 = 20 days; reminded on day
        # 80 % x 100 = 80 after the order, which is today: due
        self.assertRecordValues(
            cycle,
            [
                {
                    "supply_days": 100,
                    "expected_date": self._days(20),
                    "reminder_date": self._days(0),
                    "state": "due",
                }
            ],
        )

    def test_no_reminder_at_79_percent_of_the_supply(self):
        self._order(self.customer_li, self.filter, 1, days_ago=79)
        cycle = self._cycle(self.customer_li, self.filter)
        # day 79 of 100: the reminder is tomorrow (day 80)
        self.assertRecordValues(
            cycle, [{"reminder_date": self._days(1), "state": "planned"}]
        )

    def test_third_purchase_blends_the_observed_pace_half_and_half(self):
        """At 3 purchases the weight of the observed pace is (3 - 1) / (3 + 1).

        Filters bought 120 and 60 days ago and today, one each: observed 120
        days over the 2 filters before the last, 60 days a filter. Blended
        0.5 x 100 + 0.5 x 60 = 80 days: expected in 80 days.
        """
        for days_ago in (120, 60, 0):
            self._order(self.customer_li, self.filter, 1, days_ago)
        cycle = self._cycle(self.customer_li, self.filter)
        self.assertRecordValues(
            cycle,
            [
                {
                    "observed_days_per_unit": 60,
                    "supply_days": 80,
                    "expected_date": self._days(80),
                }
            ],
        )
