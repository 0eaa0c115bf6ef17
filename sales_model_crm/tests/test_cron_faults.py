# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Faults of the scheduled actions: a run killed mid-batch, one bad record,
two runs in a row, a manual run while the scheduler runs the job, and the
salesperson's day around midnight and across daylight saving switches.
"""

from contextlib import closing, contextmanager, suppress
from datetime import date, datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command, fields, sql_db
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import SQL

from .common import SalesModelCommon


class Killed(BaseException):
    """The worker dies: not an ``Exception``, so no batch isolation catches
    it, and everything since the last commit is lost."""


@contextmanager
def killed_run(env):
    """Run a cron call whose transaction is lost, as when the worker dies
    before the cron framework commits it."""
    with suppress(Killed), env.cr.savepoint():
        yield


def fail_for(model, method, bad, error=ValidationError):
    """Patch ``method`` of ``model`` to raise when ``bad`` is in the batch."""
    original = getattr(type(model), method)

    def faulty(self, *args, **kwargs):
        if self & bad:
            raise error("Test: this record cannot be processed")
        return original(self, *args, **kwargs)

    return patch.object(type(model), method, faulty)


@tagged("post_install", "-at_install")
class TestCronLock(SalesModelCommon):
    """A job never runs twice at once: Odoo's scheduler takes the job's row
    with FOR NO KEY UPDATE SKIP LOCKED for the whole run (``_acquire_one_job``)
    and "Run Manually" (``method_direct_trigger``) takes the same row with
    NOWAIT (``_try_lock``). Both hold it until their transaction ends, so our
    crons need no lock of their own; these tests keep it that way."""

    def setUp(self):
        super().setUp()
        self.cron = self.env.ref("sales_model_crm.ir_cron_sales_collection_reminders")

    @contextmanager
    def _other_worker(self):
        """A second database connection, as another server's cron worker
        (the registry's cursor shares the test's transaction in tests)."""
        with closing(sql_db.db_connect(self.env.cr.dbname).cursor()) as cr:
            # never wait for the test's own locks: fail fast instead
            cr.execute("SET lock_timeout = '5s'")
            try:
                yield cr
            finally:
                cr.rollback()

    def _acquire(self, cr):
        # the row lock of ir.cron._acquire_one_job, without its "is it due"
        # condition (the job's nextcall is not due in the test database)
        cr.execute(
            SQL(
                "SELECT id FROM ir_cron WHERE id = %s FOR NO KEY UPDATE SKIP LOCKED",
                self.cron.id,
            )
        )
        return cr.fetchall()

    def test_manual_run_refused_while_the_scheduler_runs_the_job(self):
        with self._other_worker() as scheduler, self._other_worker() as second:
            self.assertTrue(self._acquire(scheduler), "the scheduler runs the job")
            self.assertFalse(self._acquire(second), "a second server skips it")
            # _try_lock rolls back before translating its message: roll back
            # to a savepoint instead (a test may not end its transaction)
            cr = self.env.cr
            cr.execute("SAVEPOINT smc_manual_run")
            with (
                patch.object(
                    cr,
                    "rollback",
                    lambda: cr.execute("ROLLBACK TO SAVEPOINT smc_manual_run"),
                ),
                self.assertRaisesRegex(UserError, "currently being executed"),
            ):
                self.cron.method_direct_trigger()

    def test_scheduler_skips_the_job_while_it_runs_manually(self):
        seen = []
        plan_model = self.env["sales.collection.plan"]

        def running(model, *args, **kwargs):
            with self._other_worker() as scheduler:
                seen.append(self._acquire(scheduler))
            return 0

        with patch.object(type(plan_model), "_cron_send_reminders", running):
            self.cron.method_direct_trigger()
        # (the lock is released when the manual run's request commits)
        self.assertEqual(seen, [[]], "the job ran, and no worker could take it")


@tagged("post_install", "-at_install")
class TestCronFaultsCustomerPool(SalesModelCommon):
    """The customer pool cron: idle customers return once, a bad one is set
    aside, a killed run is caught up on."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"sales_pool_enabled": True, "sales_pool_days": 30})
        cls.idle = cls.env["res.partner"]
        for index in range(5):
            cls.idle |= cls._create_customer(f"Test Idle {index}", cls.salesman_li)
        cls.env.cr.execute(
            SQL(
                "UPDATE res_partner SET create_date = %s WHERE id IN %s",
                fields.Datetime.now() - timedelta(days=60),
                tuple(cls.idle.ids),
            )
        )
        cls.idle.invalidate_recordset(["create_date"])
        cls.Partner = cls.env["res.partner"]

    def _returned_notes(self, partner):
        return partner.message_ids.filtered(
            lambda message: "Returned to the customer pool" in (message.body or "")
        )

    def _assert_each_returned_once(self, partners):
        for partner in partners:
            self.assertFalse(partner.user_id, partner.name)
            self.assertEqual(len(self._returned_notes(partner)), 1, partner.name)

    def test_bad_customer_is_logged_and_the_others_return(self):
        bad = self.idle[2]
        with (
            fail_for(self.Partner, "_sales_pool_return", bad),
            self.assertLogs(
                "odoo.addons.sales_model_crm.models.res_partner", "ERROR"
            ) as logs,
        ):
            returned = self.Partner._cron_sales_pool_return()
        self.assertIn(f"partner {bad.id} not returned", "\n".join(logs.output))
        self.assertEqual(returned, self.idle - bad)
        self._assert_each_returned_once(self.idle - bad)
        self.assertEqual(bad.user_id, self.salesman_li)
        # the bad one does not make the cron run again and again
        self.assertFalse(self.Partner._sales_pool_candidates(self.company) - bad)
        # fixed the next day: returned then, the others not twice
        self.Partner._cron_sales_pool_return()
        self._assert_each_returned_once(self.idle)

    def test_run_killed_mid_batch_is_caught_up_once(self):
        # batches of 2, each committed by the cron framework between calls;
        # the worker dies while writing the second batch
        self.Partner._cron_sales_pool_return(batch_size=2)
        with (
            killed_run(self.env),
            fail_for(self.Partner, "_sales_pool_return", self.idle, error=Killed),
        ):
            self.Partner._cron_sales_pool_return(batch_size=2)
        for _run in range(5):
            if not self.Partner._cron_sales_pool_return(batch_size=2):
                break
        self._assert_each_returned_once(self.idle)

    def test_two_runs_in_a_row_return_once(self):
        self.Partner._cron_sales_pool_return()
        self.assertFalse(self.Partner._cron_sales_pool_return())
        self._assert_each_returned_once(self.idle)


@tagged("post_install", "-at_install")
class TestCronFaultsCollection(SalesModelCommon):
    """Collection reminders: a bad installment is set aside, a killed run is
    caught up on, every installment reminded once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        product = cls.env["product.product"].create(
            {"name": "Test Bucket", "list_price": 100, "taxes_id": [Command.clear()]}
        )
        terms = cls.env["account.payment.term"].create(
            {
                "name": "Test 50 % now, 50 % in 30 days",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 50}),
                    Command.create(
                        {"value": "percent", "value_amount": 50, "nb_days": 30}
                    ),
                ],
            }
        )
        cls.plans = cls.env["sales.collection.plan"]
        for amount in (1000.0, 2000.0, 3000.0):
            order = (
                cls.env["sale.order"]
                .with_company(cls.company)
                .create(
                    {
                        "partner_id": cls.customer_li.id,
                        "user_id": cls.salesman_li.id,
                        "team_id": cls.team_wang.id,
                        "payment_term_id": terms.id,
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": product.id,
                                    "price_unit": amount,
                                    "tax_id": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
            )
            order.action_confirm()
            order.date_order = datetime(2030, 3, 1, 9, 0)
            action = order.action_sales_collection_plan()
            cls.plans |= cls.plans.browse(action["res_id"])
        cls.Plan = cls.env["sales.collection.plan"]
        cls.Installment = cls.env["sales.collection.installment"]
        # the counts below are this test's: other plans (the demo data's) are
        # taken as already reminded
        cls.Installment.search([("plan_id", "not in", cls.plans.ids)]).write(
            {"reminded_before": True, "reminded_overdue": True}
        )

    def _reminder_count(self, plan):
        return self.env["mail.activity"].search_count(
            [("res_model", "=", "sales.collection.plan"), ("res_id", "=", plan.id)]
        )

    @freeze_time("2030-06-01")  # both installments of every plan overdue
    def test_bad_installment_is_logged_and_the_others_reminded(self):
        bad = self.plans[1].installment_ids[:1]
        with (
            fail_for(self.Installment, "_remind", bad),
            self.assertLogs(
                "odoo.addons.sales_model_crm.models.sales_collection_plan", "ERROR"
            ) as logs,
        ):
            count = self.Plan._cron_send_reminders()
        self.assertEqual(count, 5)
        self.assertIn(f"installment {bad.id} failed", "\n".join(logs.output))
        self.assertEqual([self._reminder_count(plan) for plan in self.plans], [2, 1, 2])
        self.assertEqual(self.Plan._cron_send_reminders(), 1, "caught up once")
        self.assertEqual(self.Plan._cron_send_reminders(), 0, "then nothing")
        self.assertEqual([self._reminder_count(plan) for plan in self.plans], [2, 2, 2])

    @freeze_time("2030-06-01")
    def test_run_killed_mid_batch_is_caught_up_once(self):
        with (
            killed_run(self.env),
            fail_for(
                self.Installment, "_remind", self.plans[2].installment_ids, error=Killed
            ),
        ):
            self.Plan._cron_send_reminders(batch_size=2)
        self.assertEqual(self.Plan._cron_send_reminders(batch_size=2), 6)
        self.assertEqual(self.Plan._cron_send_reminders(batch_size=2), 0)
        self.assertEqual([self._reminder_count(plan) for plan in self.plans], [2, 2, 2])


@tagged("post_install", "-at_install")
class TestCronFaultsLocalDay(SalesModelCommon):
    """Daily review reminders are per salesperson's local day: one per day,
    around midnight in UTC-10 and UTC+14 and across daylight saving switches,
    whatever time (UTC) the cron runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Review = cls.env["sales.daily.review"]

    def _run_at(self, tz, *instants):
        """Run the reminder cron at each UTC instant for salesperson Li in
        ``tz``; return {Li's review date: reminders}."""
        self.salesman_li.tz = tz
        for instant in instants:
            with freeze_time(instant):
                self.Review._cron_remind_unsubmitted()
        reviews = self.Review.search([("user_id", "=", self.salesman_li.id)])
        return {
            review.date: len(
                review.activity_ids.filtered(
                    lambda act, review=review: act.user_id == self.salesman_li
                    and act.date_deadline == review.date
                )
            )
            for review in reviews
        }

    def test_honolulu_reminded_once_across_utc_midnight(self):
        # 13:30 and 14:30 on 5 March in Honolulu (UTC-10)
        days = self._run_at(
            "Pacific/Honolulu", "2030-03-05 23:30:00", "2030-03-06 00:30:00"
        )
        self.assertEqual(days, {date(2030, 3, 5): 1})

    def test_kiritimati_reminded_on_its_own_day(self):
        # 23:30 on 5 March, then 00:30 on 6 March in Kiritimati (UTC+14): two
        # days there, one in UTC; the 6 March review is not "in the future"
        days = self._run_at(
            "Pacific/Kiritimati", "2030-03-05 09:30:00", "2030-03-05 10:30:00"
        )
        self.assertEqual(days, {date(2030, 3, 5): 1, date(2030, 3, 6): 1})

    def test_berlin_fall_back_day_reminded_once(self):
        # 27 October 2030: clocks go back at 03:00 CEST; 00:30 CEST, then
        # 23:30 CET the same day
        days = self._run_at(
            "Europe/Berlin", "2030-10-26 22:30:00", "2030-10-27 22:30:00"
        )
        self.assertEqual(days, {date(2030, 10, 27): 1})

    def test_berlin_spring_forward_one_reminder_per_day(self):
        # a cron at 21:30 UTC: 22:30 CET on 30 March, 23:30 CEST on 31 March
        days = self._run_at(
            "Europe/Berlin", "2030-03-30 21:30:00", "2030-03-31 21:30:00"
        )
        self.assertEqual(days, {date(2030, 3, 30): 1, date(2030, 3, 31): 1})

    def test_new_york_switches_one_reminder_per_day(self):
        # 10 March and 3 November 2030; a cron at 04:30 UTC runs at 23:30 EST
        # or 00:30 EDT, and twice on 3 November (00:30 EDT, 23:30 EST)
        days = self._run_at(
            "America/New_York",
            "2030-03-10 04:30:00",
            "2030-03-11 04:30:00",
            "2030-11-03 04:30:00",
            "2030-11-04 04:30:00",
        )
        self.assertEqual(
            days,
            {
                date(2030, 3, 9): 1,
                date(2030, 3, 11): 1,
                date(2030, 11, 3): 1,
            },
        )

    def test_two_runs_in_a_row_remind_once(self):
        days = self._run_at("UTC", "2030-03-05 09:00:00", "2030-03-05 09:00:05")
        self.assertEqual(days, {date(2030, 3, 5): 1})
