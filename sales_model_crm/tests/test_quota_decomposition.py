# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestQuotaDecomposition(SalesQuotaCommon):
    """The reverse funnel: amount -> deals -> prospects -> calls -> calls a day."""

    def _workload(self, quota):
        return (
            quota.workload_deals,
            quota.workload_prospects,
            quota.workload_calls,
            quota.workload_daily_calls,
        )

    def test_seed_month_gives_5_deals_100_prospects_1000_calls_40_a_day(self):
        # 100,000 for the quarter, 30 % in month one, 6,000 a deal, the
        # company's 20 prospects per deal and 10 calls per prospect, 25 days
        quarter = self._quota(
            self.q1, self.team_wang, 100_000, minimum=100_000, stretch=100_000
        )
        quarter.avg_deal_size = 6_000
        split = (
            self.env["sales.quota.split"]
            .with_context(active_model="sales.quota", active_id=quarter.id)
            .create({"mode": "period"})
        )
        split.action_split()
        january = quarter.child_ids.filtered(lambda part: part.period_id == self.jan)
        january.working_days = 25
        self.assertEqual(january.target, 30_000)
        self.assertEqual(self._workload(january), (5, 100, 1_000, 40))
        self.assertEqual(january.workload_prospects_per_deal, 20)
        self.assertEqual(january.workload_calls_per_prospect, 10)

    def test_each_step_rounds_up(self):
        quota = self._quota(
            self.jan,
            self.salesman_li,
            31_000,
            avg_deal_size=6_000,
            prospects_per_deal=20,
            calls_per_prospect=10,
            working_days=25,
        )
        # 5.17 deals are 6 deals; 1,200 calls over 25 days are 48 a day
        self.assertEqual(self._workload(quota), (6, 120, 1_200, 48))
        self.assertEqual(quota.workload_deals_minimum, 5)  # 24,800 / 6,000

    def test_team_ratios_come_from_its_history(self):
        Lead = self.env["crm.lead"]
        won = Lead.create(
            [
                {
                    "name": f"Test won {revenue}",
                    "type": "opportunity",
                    "team_id": self.team_wang.id,
                    "user_id": self.salesman_li.id,
                    "expected_revenue": revenue,
                }
                for revenue in (5_000, 7_000)
            ]
        )
        won.action_set_won()
        lost = Lead.create(
            [
                {
                    "name": f"Test lost {index}",
                    "type": "opportunity",
                    "team_id": self.team_wang.id,
                    "user_id": self.salesman_li.id,
                }
                for index in range(3)
            ]
        )
        lost.action_set_lost()
        # 10 effective calls on the 5 prospects; unanswered calls and
        # meetings (not counted by default) do not count
        self.env["sales.activity"].create(
            [
                {
                    "name": "Test call",
                    "kind": kind,
                    "outcome": outcome,
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                    "lead_id": lead.id,
                }
                for lead in won | lost
                for kind, outcome in (
                    ("call", "reached"),
                    ("visit", "interested"),
                    ("call", "no_answer"),
                    ("meeting", "reached"),
                )
            ]
        )
        self.team_wang.action_quota_ratios_from_history()
        self.assertEqual(self.team_wang.quota_avg_deal_size, 6_000)
        self.assertEqual(self.team_wang.quota_prospects_per_deal, 2.5)
        self.assertEqual(self.team_wang.quota_calls_per_prospect, 2)
        self.assertTrue(self.team_wang.quota_ratios_note)
        # a team without history keeps what it has
        self.team_other.quota_prospects_per_deal = 15
        self.team_other.action_quota_ratios_from_history()
        self.assertEqual(self.team_other.quota_prospects_per_deal, 15)

    def test_history_of_many_teams_costs_the_queries_of_one(self):
        teams = self.env["crm.team"].create(
            [
                {"name": f"Test Team {index}", "company_id": self.company.id}
                for index in range(5)
            ]
        )

        def count(batch):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            batch._quota_ratio_history()
            return self.cr.sql_log_count - before

        count(teams[:1])  # warm the caches that outlive a transaction
        self.assertEqual(count(teams), count(teams[:1]))

    def test_ratios_fall_back_from_quota_to_team_to_company(self):
        self.company.sales_quota_avg_deal_size = 5_000
        quota = self._quota(self.jan, self.salesman_li, 30_000)
        self.assertEqual(quota.team_id, self.team_wang)
        self.assertEqual(quota.workload_avg_deal_size, 5_000)
        self.assertEqual(quota.workload_prospects_per_deal, 20)
        self.assertEqual(quota.workload_calls_per_prospect, 10)
        self.team_wang.write(
            {"quota_avg_deal_size": 6_000, "quota_prospects_per_deal": 15}
        )
        self.assertEqual(quota.workload_avg_deal_size, 6_000)
        self.assertEqual(quota.workload_prospects_per_deal, 15)
        self.assertEqual(quota.workload_calls_per_prospect, 10)
        quota.prospects_per_deal = 12
        self.assertEqual(quota.workload_prospects_per_deal, 12)
        self.assertEqual(
            quota._workload_ratios()["sources"]["prospects_per_deal"], "quota"
        )
        self.assertEqual(quota._workload_ratios()["sources"]["avg_deal_size"], "team")
        self.assertEqual(
            quota._workload_ratios()["sources"]["calls_per_prospect"], "company"
        )
        self.assertEqual(quota.workload_deals, 5)
        self.assertEqual(quota.workload_prospects, 60)

    def test_company_says_what_an_effective_call_is(self):
        Activity = self.env["sales.activity"]

        def effective(kind, outcome, hours=0.0):
            return Activity.create(
                {
                    "name": "Test contact",
                    "kind": kind,
                    "outcome": outcome,
                    "duration": hours,
                    "partner_id": self.customer_li.id,
                    "user_id": self.salesman_li.id,
                }
            ).is_effective

        # by default: calls and visits with any outcome but no answer
        self.assertTrue(effective("call", "reached"))
        self.assertTrue(effective("visit", "not_interested"))
        self.assertFalse(effective("call", "no_answer"))
        self.assertFalse(effective("meeting", "reached"))
        self.assertFalse(effective("call", False))
        settings = self.env["res.config.settings"].create(
            {
                "sales_effective_kind_meeting": True,
                "sales_effective_min_minutes": 10,
                "sales_effective_outcome_follow_up": False,
            }
        )
        settings.execute()
        self.assertTrue(effective("meeting", "reached", hours=0.5))
        self.assertFalse(effective("call", "reached", hours=0.1))  # 6 minutes
        self.assertTrue(effective("call", "reached", hours=10 / 60))
        self.assertFalse(effective("visit", "follow_up", hours=1))

    def test_workload_of_50_quotas_costs_the_queries_of_5(self):
        teams = self.env["crm.team"].create(
            [
                {
                    "name": f"Test Team {index}",
                    "company_id": self.company.id,
                    "quota_avg_deal_size": 1_000 * (index + 1),
                }
                for index in range(10)
            ]
        )
        regions = self.env["sales.region"].create(
            [{"name": f"Test Region {index}"} for index in range(50)]
        )
        quotas = self.env["sales.quota"].create(
            [
                {
                    "period_id": self.jan.id,
                    "owner_type": "user",
                    "user_id": self.salesman_li.id,
                    "team_id": teams[index % 10].id,
                    "region_id": region.id,
                    "minimum": 10_000,
                    "target": 20_000,
                    "stretch": 30_000,
                    "working_days": 20,
                    "company_id": self.company.id,
                }
                for index, region in enumerate(regions)
            ]
        )
        fnames = [
            name
            for name, field in quotas._fields.items()
            if field.compute == "_compute_workload"
        ]

        def count(batch):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            batch.read(fnames)
            return self.cr.sql_log_count - before

        count(quotas[:1])  # warm the caches that outlive a transaction
        self.assertEqual(count(quotas), count(quotas[:5]))
        self.assertEqual(quotas[1].workload_deals, 10)  # 20,000 at 2,000
