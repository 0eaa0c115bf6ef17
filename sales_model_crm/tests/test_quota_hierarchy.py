# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaHierarchy(SalesQuotaCommon):
    """A team's quarter, its months and its salespeople are counted once.

    The team's quarter of 240,000 goes 30 / 30 / 40 into its months (72,000,
    72,000 and 96,000), each month equally into three salespeople (24,000,
    24,000 and 32,000 each): every total a director reads is 240,000.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._team_quarter_split(("smc_hier_a", "smc_hier_b", "smc_hier_c"))
        cls.months = cls.quarter.child_ids
        cls.parts = cls.months.child_ids

    def _filter_domain(self, name):
        """The domain of a filter of the Quotas search view, as the list applies it."""
        view = self.env.ref("sales_model_crm.sales_quota_view_search")
        arch = etree.fromstring(self.env["sales.quota"].get_view(view.id)["arch"])
        [node] = arch.xpath(f"//filter[@name='{name}']")
        return safe_eval(node.get("domain"))

    def _sum(self, domain, field="target"):
        [(total,)] = self.env["sales.quota"]._read_group(
            [("company_id", "=", self.company.id), *domain], [], [f"{field}:sum"]
        )
        return total

    def test_split_gives_the_hand_computed_parts(self):
        self.assertEqual(
            self.months.sorted("date_start").mapped("target"), [72_000, 72_000, 96_000]
        )
        self.assertEqual(len(self.parts), 9)
        by_month = {
            month.period_id: sorted(month.child_ids.mapped("target"))
            for month in self.months
        }
        self.assertEqual(by_month[self.jan], [24_000] * 3)
        self.assertEqual(by_month[self.mar], [32_000] * 3)
        # a team's months are parts of its quarter; a salesperson's month is
        # the first line of the salesperson level
        self.assertTrue(all(self.months.mapped("is_period_part")))
        self.assertFalse(any(self.parts.mapped("is_period_part")))
        self.assertFalse(self.quarter.is_period_part)

    def test_team_quotas_grid_totals_the_quarter_once(self):
        grid = self.env["sales.quota.grid"].create(
            {"team_id": self.team.id, "period_id": self.q1.id, "cycle": "month"}
        )
        action = grid.action_fill()
        quotas = self.env["sales.quota"].search(action["domain"])
        self.assertEqual(quotas, self.parts, "the salespeople's months, no team line")
        subtotals = dict(
            self.env["sales.quota"]._read_group(
                action["domain"], ["period_id"], ["target:sum"]
            )
        )
        self.assertEqual(
            subtotals, {self.jan: 72_000, self.feb: 72_000, self.mar: 96_000}
        )
        self.assertEqual(sum(subtotals.values()), 240_000)

    def test_quotas_list_opens_on_one_level_whose_total_is_the_quarter(self):
        action = self.env.ref("sales_model_crm.sales_quota_action")
        context = safe_eval(action.context, {"uid": self.env.uid})
        self.assertTrue(context.get("search_default_level_user"))
        # the default filter: the salespeople's months, 240,000 in all
        salespeople = self._filter_domain("level_user")
        self.assertEqual(self._sum(salespeople), 240_000)
        self.assertEqual(self._sum(salespeople, "minimum"), 192_000)
        # the other level: the team's quarter, without its months
        teams = self._filter_domain("level_team")
        self.assertEqual(self._sum(teams), 240_000)
        # the pivot by period on the default level: the months add up to it
        by_period = dict(
            self.env["sales.quota"]._read_group(
                [("company_id", "=", self.company.id), *salespeople],
                ["period_id"],
                ["target:sum"],
            )
        )
        self.assertEqual(
            by_period, {self.jan: 72_000, self.feb: 72_000, self.mar: 96_000}
        )

    def test_own_quarter_and_month_entered_by_hand_count_once(self):
        """Li's own Q1 of 60,000 and her January of 20,000, each entered by
        hand: January lies inside her quarter (same basis, no dimension), so
        it is a part, and the salespeople's level counts 60,000, not 80,000.
        A January with a region of its own is no part of the quarter."""
        quarter = self._quota(self.q1, self.salesman_li, 60_000)
        january = self._quota(self.jan, self.salesman_li, 20_000)
        region = self.env["sales.region"].create({"name": "Test Haidian"})
        haidian = self._quota(self.jan, self.salesman_li, 5_000, region_id=region.id)
        self.assertFalse(quarter.is_period_part)
        self.assertTrue(january.is_period_part)
        self.assertFalse(haidian.is_period_part)
        li = [("user_id", "=", self.salesman_li.id)]
        salespeople = self._filter_domain("level_user")
        self.assertEqual(self._sum([*li, *salespeople]), 65_000)
        self.assertEqual(
            self.env["sales.quota"].search([*li, ("is_period_part", "=", True)]),
            january,
        )
