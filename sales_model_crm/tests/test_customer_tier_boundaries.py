# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestCustomerTierBoundaries(SalesModelCommon):
    """The Pareto cuts and revenue floors, with customers right at each edge.

    A customer belongs to the first tier whose cut is above the share of the
    revenue made by the customers ranked before it: the default cuts are 80 %
    (platinum), 95 % (gold), 99 % (silver) and 100 % (ordinary). Each test ranks
    its own customers, who make 1,000 in all, so that 1 of revenue is 0.1 % and
    the shares before each customer are exact.
    """

    def _tiers(self, revenues):
        """Invoice each revenue to a new customer, retier, return their tiers."""
        customers = self.env["res.partner"]
        for index, revenue in enumerate(revenues):
            customer = self._create_customer(f"Test Cut {index:02d}", self.salesman_li)
            self._invoice(customer, revenue)
            customers |= customer
        self._retier()
        return [self._tier_of(customer) for customer in customers]

    def test_share_before_just_under_80_percent_is_platinum(self):
        """The second customer comes after 79.9 % of revenue: still platinum."""
        # shares before: 0 %, 79.9 %
        self.assertEqual(self._tiers([799, 201]), [self.tier_platinum] * 2)

    def test_share_before_exactly_80_percent_is_gold(self):
        """The first 80 % are platinum: a customer after exactly 80 % is not."""
        # shares before: 0 %, 80.0 %
        self.assertEqual(self._tiers([800, 200]), [self.tier_platinum, self.tier_gold])

    def test_share_before_just_over_80_percent_is_gold(self):
        # shares before: 0 %, 80.1 %
        self.assertEqual(self._tiers([801, 199]), [self.tier_platinum, self.tier_gold])

    def test_share_before_just_under_95_percent_is_gold(self):
        """The next 15 % are gold: 94.9 % before is still gold."""
        # shares before: 0 %, 80.0 %, 94.9 %
        self.assertEqual(
            self._tiers([800, 149, 51]),
            [self.tier_platinum, self.tier_gold, self.tier_gold],
        )

    def test_share_before_exactly_95_percent_is_silver(self):
        # shares before: 0 %, 80.0 %, 95.0 %
        self.assertEqual(
            self._tiers([800, 150, 50]),
            [self.tier_platinum, self.tier_gold, self.tier_silver],
        )

    def test_share_before_just_under_99_percent_is_silver(self):
        """The next 4 % are silver: 98.9 % before is still silver."""
        # shares before: 0 %, 80.0 %, 95.0 %, 98.9 %
        self.assertEqual(
            self._tiers([800, 150, 39, 11]),
            [self.tier_platinum, self.tier_gold, self.tier_silver, self.tier_silver],
        )

    def test_share_before_exactly_99_percent_is_ordinary(self):
        """The last 1 % of revenue is ordinary."""
        # shares before: 0 %, 80.0 %, 95.0 %, 99.0 %
        self.assertEqual(
            self._tiers([800, 150, 40, 10]),
            [self.tier_platinum, self.tier_gold, self.tier_silver, self.tier_ordinary],
        )

    def test_revenue_exactly_at_the_floor_reaches_the_tier(self):
        """A floor of 600 lets in a customer of exactly 600, not one of 599.99."""
        self.tier_platinum.revenue_floor = 600
        # shares before: 0 %, 50 %: both within the 80 % cut, the second under
        # the floor by one cent goes down to gold
        self.assertEqual(
            self._tiers([600, 599.99]), [self.tier_platinum, self.tier_gold]
        )
