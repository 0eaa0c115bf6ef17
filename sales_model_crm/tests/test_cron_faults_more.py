# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Faults of the other scheduled actions (see test_cron_faults): tiering,
refill reminders, greetings and return visits, the quota jobs, problem
escalation and the daily-review jobs. For each: a run killed mid-batch then
run again handles every record once, one bad record is logged and the others
are processed, two runs in a row do nothing twice, and a day that is the
user's is the user's local day (UTC-10, UTC+14, a daylight saving switch).
"""

from contextlib import contextmanager
from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import SalesModelCommon
from .common_customer_care import SalesCustomerCareCommon
from .common_quota import SalesQuotaCommon
from .test_cron_faults import Killed, fail_for, killed_run

MODELS = "odoo.addons.sales_model_crm.models."


@contextmanager
def fail_on_rows(model, method, partner_ids, error=ValidationError):
    """Patch ``method(..., rows)`` of ``model`` (the rows of tier changes
    last) to raise when one of the rows is about one of ``partner_ids``."""
    original = getattr(type(model), method)

    def faulty(self, *args):
        if {row["partner_id"] for row in args[-1]} & set(partner_ids):
            raise error("Test: this customer cannot be retiered")
        return original(self, *args)

    with patch.object(type(model), method, faulty):
        yield


@contextmanager
def fail_creating_activities_on(env, partners, error=ValidationError):
    """Creating a ``mail.activity`` on one of ``partners`` raises."""
    activity_class = type(env["mail.activity"])
    original = activity_class.create

    def faulty(self, vals_list):
        batch = vals_list if isinstance(vals_list, list) else [vals_list]
        if any(
            vals.get("res_id") in partners.ids
            and vals.get("res_model_id") == env["ir.model"]._get_id("res.partner")
            for vals in batch
        ):
            raise error("Test: this activity cannot be made")
        return original(self, vals_list)

    with patch.object(activity_class, "create", faulty):
        yield


# --- tiering -------------------------------------------------------------------


@tagged("post_install", "-at_install")
class TestCronFaultsTiering(SalesModelCommon):
    """The tiering cron: a bad customer is set aside and retiered later, a
    killed run resumes, every change is kept once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ranked = cls.env["res.partner"]
        for index, amount in enumerate((500_000, 300_000, 100_000, 60_000, 40_000)):
            customer = cls._create_customer(f"Test Tiered {index}", cls.salesman_li)
            cls._invoice(customer, amount)
            cls.ranked |= customer

    def _history_counts(self):
        History = self.env["sales.customer.tier.history"]
        return [
            History.search_count([("partner_id", "=", partner.id)])
            for partner in self.ranked
        ]

    def test_bad_customer_is_logged_and_the_others_retiered(self):
        bad = self.ranked[2]
        with (
            fail_on_rows(self.tiering, "_insert_history", bad.ids),
            self.assertLogs(MODELS + "sales_customer_tiering", "ERROR") as logs,
        ):
            self.tiering._recompute_tiers(self.company)
        self.assertIn(f"partner {bad.id} not retiered", "\n".join(logs.output))
        self.assertEqual(
            [bool(self._tier_of(p)) for p in self.ranked],
            [True, True, False, True, True],
        )
        self.assertEqual(self._history_counts(), [1, 1, 0, 1, 1])
        # the next run retiers the bad one, the others not twice
        self.assertEqual(self._retier(), 1)
        self.assertEqual(self._history_counts(), [1, 1, 1, 1, 1])

    def test_run_killed_mid_batch_is_caught_up_once(self):
        # the cron commits after each call of limit changes; the worker dies
        # in the second call
        self.assertEqual(self.tiering._recompute_tiers(self.company, limit=2), (2, 3))
        with (
            killed_run(self.env),
            fail_on_rows(self.tiering, "_apply_tier_changes", self.ranked.ids, Killed),
        ):
            self.tiering._recompute_tiers(self.company, limit=2)
        self.assertEqual(self.tiering._recompute_tiers(self.company, limit=2), (2, 1))
        self.assertEqual(self.tiering._recompute_tiers(self.company, limit=2), (1, 0))
        self.assertEqual(self._history_counts(), [1, 1, 1, 1, 1])

    def test_two_runs_in_a_row_retier_once(self):
        self.tiering._cron_recompute_tiers()
        self.tiering._cron_recompute_tiers()
        self.assertEqual(self._history_counts(), [1, 1, 1, 1, 1])


# --- refill reminders, greetings, return visits -----------------------------------


@tagged("post_install", "-at_install")
class TestCronFaultsCare(SalesCustomerCareCommon):
    """Refill reminders, greetings and return visits: a bad record is set aside
    and caught up on, a killed run is caught up on, nothing is made twice, and
    a greeting with no days' notice is for the owner's own day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.care = cls.env["sales.customer.care"]
        cls.customer_b = cls._create_customer("Test Refill B", cls.salesman_li)
        cls.customer_c = cls._create_customer("Test Refill C", cls.salesman_zhang)
        cls.customers = cls.customer_li | cls.customer_b | cls.customer_c

    def _counts(self, xmlid, partners=None):
        partners = self.customers if partners is None else partners
        return [len(self._activities(partner, xmlid)) for partner in partners]

    # refill reminders

    def _due_cycles(self):
        for customer in self.customers:
            self._order(customer, self.water, 2, days_ago=12)
        self.engine._recompute_cycles(self.company)

    def _refills(self):
        return self._counts("sales_model_crm.mail_activity_type_purchase_cycle")

    def test_refill_bad_cycle_is_logged_then_caught_up_once(self):
        self._due_cycles()
        with (
            fail_creating_activities_on(self.env, self.customer_b),
            self.assertLogs(MODELS + "sales_purchase_cycle_reminder", "ERROR") as logs,
        ):
            self.engine._cron_purchase_cycles()
        self.assertIn("failed: skipped", "\n".join(logs.output))
        self.assertEqual(self._refills(), [1, 0, 1])
        self.engine._cron_purchase_cycles()
        self.assertEqual(self._refills(), [1, 1, 1])

    def test_refill_run_killed_mid_batch_is_caught_up_once(self):
        self._due_cycles()
        with (
            killed_run(self.env),
            fail_creating_activities_on(self.env, self.customer_c, Killed),
        ):
            self.reminder._send_reminders(self.company, batch_size=1)
        self.assertEqual(self.reminder._send_reminders(self.company, batch_size=1), 3)
        self.assertEqual(self.reminder._send_reminders(self.company, batch_size=1), 0)
        self.assertEqual(self._refills(), [1, 1, 1])

    def test_refill_two_runs_in_a_row_remind_once(self):
        self._due_cycles()
        self.engine._cron_purchase_cycles()
        self.engine._cron_purchase_cycles()
        self.assertEqual(self._refills(), [1, 1, 1])

    # return visits

    def _visits(self):
        return self._counts("sales_model_crm.mail_activity_type_return_visit")

    def _orders(self):
        for customer in self.customers:
            self._order(customer, self.dispenser, 1, days_ago=2)

    def test_return_visit_bad_customer_is_logged_then_caught_up_once(self):
        self._orders()
        with (
            fail_creating_activities_on(self.env, self.customer_b),
            self.assertLogs(MODELS + "sales_customer_care", "ERROR"),
        ):
            self.care._cron_customer_care()
        self.assertEqual(self._visits(), [1, 0, 1])
        # the failed customer's order is not marked planned: visited next run
        self.care._cron_customer_care()
        self.assertEqual(self._visits(), [1, 1, 1])

    def test_return_visit_run_killed_is_caught_up_once(self):
        self._orders()
        with (
            killed_run(self.env),
            fail_creating_activities_on(self.env, self.customer_c, Killed),
        ):
            self.care._cron_customer_care()
        self.care._cron_customer_care()
        self.care._cron_customer_care()
        self.assertEqual(self._visits(), [1, 1, 1])

    # greetings

    def _greetings(self, partner):
        return self._activities(partner, "sales_model_crm.mail_activity_type_greeting")

    def _greet_at(self, tz, birthday, *instants):
        """Run the care cron at each UTC instant, the owner in ``tz``; return
        the greeting deadlines of Li's contact after each run."""
        self.company.sales_care_greeting_days = 0
        self.salesman_li.tz = tz
        self.contact_li.sales_birthday = birthday
        seen = []
        for instant in instants:
            with freeze_time(instant):
                self.care._cron_customer_care()
            seen.append(self._greetings(self.contact_li).mapped("date_deadline"))
        return seen

    def test_greeting_without_notice_on_the_owners_day_kiritimati(self):
        # 00:30 on 6 March in Kiritimati (UTC+14) is still 5 March in UTC:
        # the greeting is due there today, not tomorrow
        seen = self._greet_at(
            "Pacific/Kiritimati",
            date(1980, 3, 6),
            "2030-03-05 10:30:00",
            "2030-03-06 10:30:00",
        )
        self.assertEqual(seen, [[date(2030, 3, 6)], [date(2030, 3, 6)]])

    def test_greeting_without_notice_on_the_owners_day_honolulu(self):
        # 19:00 on 5 March in Honolulu (UTC-10) is 6 March in UTC: not yet
        seen = self._greet_at(
            "Pacific/Honolulu",
            date(1980, 3, 6),
            "2030-03-06 05:00:00",
            "2030-03-06 10:30:00",
            "2030-03-07 05:00:00",
        )
        self.assertEqual(seen, [[], [date(2030, 3, 6)], [date(2030, 3, 6)]])

    def test_greeting_without_notice_across_a_dst_switch(self):
        # New York springs forward on 10 March 2030: 23:30 EST on 9 March,
        # 00:30 EST and 23:30 EDT on 10 March
        seen = self._greet_at(
            "America/New_York",
            date(1980, 3, 10),
            "2030-03-10 04:30:00",
            "2030-03-10 05:30:00",
            "2030-03-11 03:30:00",
        )
        self.assertEqual(seen, [[], [date(2030, 3, 10)], [date(2030, 3, 10)]])

    def test_greetings_bad_contact_is_logged_then_caught_up_once(self):
        contacts = self.contact_li | self.contact_zhang
        contacts.write({"sales_birthday": self._days(1).replace(year=1980)})
        with (
            fail_creating_activities_on(self.env, self.contact_li),
            self.assertLogs(MODELS + "sales_customer_care", "ERROR"),
        ):
            self.care._cron_customer_care()
        self.assertEqual([len(self._greetings(c)) for c in contacts], [0, 1])
        self.care._cron_customer_care()
        self.care._cron_customer_care()
        self.assertEqual([len(self._greetings(c)) for c in contacts], [1, 1])


# --- quotas --------------------------------------------------------------------------


@tagged("post_install", "-at_install")
class TestCronFaultsQuota(SalesQuotaCommon):
    """The quota jobs: refresh and remind, renew, settle."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env.user)
        period_type = cls._period_type("Test Faults Running", "custom")
        cls.running = cls.env["date.range"].create(
            {
                "name": "Test faults running period",
                "type_id": period_type.id,
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=30),
                "company_id": cls.company.id,
            }
        )
        cls.previous = cls.env["date.range"].create(
            {
                "name": "Test faults previous period",
                "type_id": period_type.id,
                "date_start": today - timedelta(days=91),
                "date_end": today - timedelta(days=31),
                "company_id": cls.company.id,
            }
        )
        cls.Quota = cls.env["sales.quota"]
        cls.scheduler = cls.env["sales.quota.scheduler"]
        cls.owners = cls.salesman_li | cls.salesman_zhang | cls.salesman_all

    def _quotas(self, period, **values):
        return self.Quota.concat(
            *(self._quota(period, owner, 30000, **values) for owner in self.owners)
        )

    def _reminders(self, quotas):
        activity_type = self.env.ref("sales_model_crm.mail_activity_type_quota_behind")
        return [
            self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "sales.quota"),
                    ("res_id", "=", quota.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "=", quota.user_id.id),
                ]
            )
            for quota in quotas
        ]

    def test_refresh_bad_quota_is_logged_then_caught_up_once(self):
        quotas = self._quotas(self.running)
        quotas.action_confirm()
        bad = quotas[1]
        with (
            fail_for(self.Quota, "_remind_behind_pace", bad),
            self.assertLogs(MODELS + "sales_quota_cron", "ERROR") as logs,
        ):
            done = self.scheduler._cron_refresh_progress()
        self.assertIn(f"Quota {bad.id} skipped", "\n".join(logs.output))
        self.assertNotIn(bad, done)
        self.assertEqual(self._reminders(quotas), [1, 0, 1])
        self.scheduler._cron_refresh_progress()
        self.scheduler._cron_refresh_progress()
        self.assertEqual(self._reminders(quotas), [1, 1, 1])

    def test_refresh_run_killed_mid_batch_is_caught_up_once(self):
        quotas = self._quotas(self.running)
        quotas.action_confirm()
        with (
            killed_run(self.env),
            fail_for(self.Quota, "_remind_behind_pace", quotas[2], Killed),
        ):
            self.scheduler._cron_refresh_progress(batch_size=1)
        self.scheduler._cron_refresh_progress(batch_size=1)
        self.scheduler._cron_refresh_progress(batch_size=1)
        self.assertEqual(self._reminders(quotas), [1, 1, 1])

    def _renewed(self):
        return [
            self.Quota.search_count(
                [("period_id", "=", self.running.id), ("user_id", "=", owner.id)]
            )
            for owner in self.owners
        ]

    def test_renew_bad_quota_is_logged_then_caught_up_once(self):
        sources = self._quotas(self.previous, repeat_next_period=True)
        bad = sources[0]
        with (
            fail_for(self.Quota, "copy_data", bad),
            self.assertLogs(MODELS + "sales_quota_cron", "ERROR") as logs,
        ):
            created = self.scheduler._cron_renew_quotas()
        self.assertIn(f"Quota {bad.id} skipped", "\n".join(logs.output))
        # (the demo data's quotas are renewed too: count ours)
        self.assertEqual(
            len(created & self.Quota.search([("user_id", "in", self.owners.ids)])), 2
        )
        self.assertEqual(self._renewed(), [0, 1, 1])
        self.scheduler._cron_renew_quotas()
        self.scheduler._cron_renew_quotas()
        self.assertEqual(self._renewed(), [1, 1, 1])

    def test_renew_run_killed_is_caught_up_once(self):
        sources = self._quotas(self.previous, repeat_next_period=True)
        with killed_run(self.env), fail_for(self.Quota, "copy_data", sources, Killed):
            self.scheduler._cron_renew_quotas()
        self.scheduler._cron_renew_quotas()
        self.scheduler._cron_renew_quotas()
        self.assertEqual(self._renewed(), [1, 1, 1])

    def test_settle_run_killed_mid_batch_is_caught_up_once(self):
        quotas = self._quotas(self.previous)
        quotas.action_confirm()
        with (
            killed_run(self.env),
            fail_for(self.Quota, "_reward_for", quotas[2], Killed),
        ):
            self.scheduler._cron_settle_quotas(batch_size=1)
        self.scheduler._cron_settle_quotas(batch_size=1)
        self.scheduler._cron_settle_quotas(batch_size=1)
        self.assertEqual([len(quota.settlement_ids) for quota in quotas], [1, 1, 1])
        self.assertEqual(set(quotas.mapped("state")), {"closed"})


# --- problem escalation -----------------------------------------------------------


@tagged("post_install", "-at_install")
class TestCronFaultsProblem(SalesModelCommon):
    """Problems open too long go to the leader once, counted in the owner's
    days; a bad one is set aside and escalated later."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.sales_problem_escalation_days = 3
        cls.Problem = cls.env["sales.problem"]
        # Li, then Zhang's team gets a leader too
        cls.team_other.user_id = cls.director

    def _problems(self, raised):
        return self.Problem.concat(
            *(
                self.Problem.create(
                    {
                        "name": f"Test problem {index}",
                        "user_id": user.id,
                        "date_raised": raised,
                        "company_id": self.company.id,
                    }
                )
                for index, user in enumerate(
                    (self.salesman_li, self.salesman_zhang, self.salesman_li)
                )
            )
        )

    def _escalations(self, problems):
        return [
            len(
                problem.activity_ids.filtered(
                    lambda a: "Open for too long" in a.summary
                )
            )
            for problem in problems
        ]

    def _escalate_at(self, tz, raised, *instants):
        (self.salesman_li | self.salesman_zhang).write({"tz": tz})
        problems = self._problems(raised)
        seen = []
        for instant in instants:
            with freeze_time(instant):
                self.Problem._cron_notify_stale()
            seen.append(self._escalations(problems))
        return seen

    def test_kiritimati_problem_escalated_on_the_owners_third_day(self):
        # 00:30 on 5 March in Kiritimati (UTC+14), still 4 March in UTC
        seen = self._escalate_at(
            "Pacific/Kiritimati",
            date(2030, 3, 2),
            "2030-03-04 10:30:00",
            "2030-03-05 10:30:00",
        )
        self.assertEqual(seen, [[1, 1, 1], [1, 1, 1]])

    def test_honolulu_problem_not_escalated_before_the_owners_day(self):
        # 19:00 on 4 March in Honolulu (UTC-10) is 5 March in UTC: not yet
        seen = self._escalate_at(
            "Pacific/Honolulu",
            date(2030, 3, 2),
            "2030-03-05 05:00:00",
            "2030-03-05 10:30:00",
            "2030-03-06 05:00:00",
        )
        self.assertEqual(seen, [[0, 0, 0], [1, 1, 1], [1, 1, 1]])

    def test_problem_escalated_once_across_a_dst_switch(self):
        # Berlin falls back on 27 October 2030: 00:30 CEST and 23:30 CET
        seen = self._escalate_at(
            "Europe/Berlin",
            date(2030, 10, 24),
            "2030-10-26 21:30:00",
            "2030-10-26 22:30:00",
            "2030-10-27 22:30:00",
        )
        self.assertEqual(seen, [[0, 0, 0], [1, 1, 1], [1, 1, 1]])

    def test_bad_problem_is_logged_then_escalated_once(self):
        problems = self._problems(self._today() - timedelta(days=5))
        bad = problems[1]
        with (
            fail_for(self.Problem, "_escalate_stale", bad),
            self.assertLogs(MODELS + "sales_problem", "ERROR") as logs,
        ):
            self.Problem._cron_notify_stale()
        self.assertIn(f"sales problem {bad.id} failed", "\n".join(logs.output))
        self.assertEqual(self._escalations(problems), [1, 0, 1])
        self.Problem._cron_notify_stale()
        self.Problem._cron_notify_stale()
        self.assertEqual(self._escalations(problems), [1, 1, 1])

    def test_run_killed_is_caught_up_once(self):
        problems = self._problems(self._today() - timedelta(days=5))
        with (
            killed_run(self.env),
            fail_for(self.Problem, "_escalate_stale", problems[2], Killed),
        ):
            self.Problem._cron_notify_stale()
        self.Problem._cron_notify_stale()
        self.Problem._cron_notify_stale()
        self.assertEqual(self._escalations(problems), [1, 1, 1])


# --- daily reviews ------------------------------------------------------------------


@tagged("post_install", "-at_install")
class TestCronFaultsDailyReview(SalesModelCommon):
    """The review reminder and the team leader's end-of-day summary: a bad
    salesperson or team is set aside, a killed run is caught up on, and the
    summary is one per day of the leader's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Review = cls.env["sales.daily.review"]
        # Zhang's team gets a leader too: two teams to summarise
        cls.team_other.user_id = cls.director
        cls.teams = cls.team_wang | cls.team_other
        cls.salespeople = cls.salesman_li | cls.salesman_zhang
        (cls.salespeople | cls.team_manager | cls.director).write({"tz": "UTC"})

    def _reminders(self):
        reviews = self.Review.search([("user_id", "in", self.salespeople.ids)])
        return [
            len(reviews.filtered(lambda r, u=user: r.user_id == u).activity_ids)
            for user in self.salespeople
        ]

    def _summaries(self, team):
        return team.message_ids.filtered(
            lambda message: "interactions done" in (message.body or "")
        )

    def _summary_days(self, team):
        return sorted(
            message.body.split("Day ")[1][:10] for message in self._summaries(team)
        )

    @freeze_time("2030-03-05 09:00:00")
    def test_reminder_bad_salesperson_is_logged_then_reminded_once(self):
        bad = self.Review.create(
            {
                "user_id": self.salesman_li.id,
                "date": date(2030, 3, 5),
                "company_id": self.company.id,
            }
        )
        with (
            fail_for(self.Review, "_remind_submit", bad),
            self.assertLogs(MODELS + "sales_daily_review", "ERROR") as logs,
        ):
            self.Review._cron_remind_unsubmitted()
        self.assertIn(
            f"reminder of user {self.salesman_li.id} failed", "\n".join(logs.output)
        )
        self.assertEqual(self._reminders(), [0, 1])
        self.Review._cron_remind_unsubmitted()
        self.Review._cron_remind_unsubmitted()
        self.assertEqual(self._reminders(), [1, 1])

    @freeze_time("2030-03-05 09:00:00")
    def test_reminder_run_killed_is_caught_up_once(self):
        zhang = self.Review.create(
            {
                "user_id": self.salesman_zhang.id,
                "date": date(2030, 3, 5),
                "company_id": self.company.id,
            }
        )
        with (
            killed_run(self.env),
            fail_for(self.Review, "_remind_submit", zhang, Killed),
        ):
            self.Review._cron_remind_unsubmitted()
        self.Review._cron_remind_unsubmitted()
        self.assertEqual(self._reminders(), [1, 1])

    @freeze_time("2030-03-05 20:00:00")
    def test_summary_bad_team_is_logged_then_posted_once(self):
        Team = self.env["crm.team"]
        with (
            fail_for(Team, "message_post", self.team_other),
            self.assertLogs(MODELS + "sales_daily_review", "ERROR") as logs,
        ):
            self.Review._cron_team_day_summary()
        self.assertIn(
            f"summary of team {self.team_other.id} failed", "\n".join(logs.output)
        )
        self.assertEqual([len(self._summaries(t)) for t in self.teams], [1, 0])
        self.Review._cron_team_day_summary()
        self.Review._cron_team_day_summary()
        self.assertEqual([len(self._summaries(t)) for t in self.teams], [1, 1])

    @freeze_time("2030-03-05 20:00:00")
    def test_summary_run_killed_is_caught_up_once(self):
        Team = self.env["crm.team"]
        with killed_run(self.env), fail_for(Team, "message_post", self.teams, Killed):
            self.Review._cron_team_day_summary()
        self.Review._cron_team_day_summary()
        self.Review._cron_team_day_summary()
        self.assertEqual([len(self._summaries(t)) for t in self.teams], [1, 1])

    def _summarise_at(self, tz, *instants):
        (self.salesman_li | self.team_manager).write({"tz": tz})
        for instant in instants:
            with freeze_time(instant):
                self.Review._cron_team_day_summary()
        return self._summary_days(self.team_wang)

    def test_summary_on_the_leaders_day_kiritimati(self):
        # 23:30 on 5 March, then 00:30 on 6 March in Kiritimati (UTC+14):
        # two days of the leader's in one UTC day
        days = self._summarise_at(
            "Pacific/Kiritimati", "2030-03-05 09:30:00", "2030-03-05 10:30:00"
        )
        self.assertEqual(days, ["2030-03-05", "2030-03-06"])

    def test_summary_once_across_utc_midnight_honolulu(self):
        # 13:30 and 14:30 on 5 March in Honolulu (UTC-10)
        days = self._summarise_at(
            "Pacific/Honolulu", "2030-03-05 23:30:00", "2030-03-06 00:30:00"
        )
        self.assertEqual(days, ["2030-03-05"])

    def test_summary_once_on_a_dst_fall_back_day(self):
        # 27 October 2030 in Berlin: 00:30 CEST, then 23:30 CET
        days = self._summarise_at(
            "Europe/Berlin", "2030-10-26 22:30:00", "2030-10-27 22:30:00"
        )
        self.assertEqual(days, ["2030-10-27"])

    @freeze_time("2030-03-05 20:00:00")
    def test_summary_names_a_member_whose_day_has_not_started(self):
        # 04:00 on 6 March for the leader in Shanghai (UTC+8), 10:00 on 5 March
        # for Li in Honolulu (UTC-10): Li has no 6 March yet, and is named as
        # such, not left out; a member of the leader's day is listed with the
        # day's figures and its state
        self.team_wang.member_ids |= self.salesman_all
        (self.team_manager | self.salesman_all).write({"tz": "Asia/Shanghai"})
        self.salesman_li.tz = "Pacific/Honolulu"
        self.Review._cron_team_day_summary()
        self.assertEqual(self._summary_days(self.team_wang), ["2030-03-06"])
        body = self._summaries(self.team_wang).body
        self.assertIn(
            f"{self.salesman_li.name}: the day has not started yet in their "
            "time zone (Pacific/Honolulu).",
            body,
        )
        self.assertIn(
            f"{self.salesman_all.name}: 0 interactions done, 0 effective calls "
            "against a target of 0; not submitted.",
            body,
        )
        # the leader reviews, the members report: the leader is not listed
        self.assertNotIn(f"{self.team_manager.name}:", body)

    def test_summary_two_runs_in_a_row_post_once(self):
        days = self._summarise_at("UTC", "2030-03-05 20:00:00", "2030-03-05 20:00:05")
        self.assertEqual(days, ["2030-03-05"])
