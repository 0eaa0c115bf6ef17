# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestCustomerPool(SalesModelCommon):
    """The pool is on, customers return after 30 idle days, 2 claims a month."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {
                "sales_pool_enabled": True,
                "sales_pool_days": 30,
                "sales_pool_claim_limit": 2,
            }
        )
        cls.old = fields.Datetime.now() - timedelta(days=60)
        cls.customer_idle = cls._create_customer("Test Idle Co", cls.salesman_li)
        cls.customer_visited = cls._create_customer("Test Visited Co", cls.salesman_li)
        for partner in (
            cls.customer_li,
            cls.customer_zhang,
            cls.customer_idle,
            cls.customer_visited,
        ):
            cls._age(partner)
        cls.env["sales.activity"].create(
            {
                "name": "Test visit",
                "partner_id": cls.customer_visited.id,
                "user_id": cls.salesman_li.id,
                "kind": "visit",
            }
        )

    @classmethod
    def _age(cls, partner):
        cls.env.cr.execute(
            "UPDATE res_partner SET create_date = %s WHERE id = %s",
            (cls.old, partner.id),
        )
        partner.invalidate_recordset(["create_date"])

    def _run_cron(self):
        return self.env["res.partner"]._cron_sales_pool_return()

    def test_idle_customers_return_to_the_pool(self):
        returned = self._run_cron()
        self.assertIn(self.customer_idle, returned)
        self.assertFalse(self.customer_idle.user_id)
        self.assertEqual(self.customer_visited.user_id, self.salesman_li)
        self.assertIn(
            "customer pool", self.customer_idle.message_ids[:2].mapped("body")[0]
        )

    def test_recent_order_keeps_the_customer(self):
        self.env["sale.order"].create(
            {"partner_id": self.customer_idle.id, "company_id": self.company.id}
        )
        self.assertNotIn(self.customer_idle, self._run_cron())
        self.assertEqual(self.customer_idle.user_id, self.salesman_li)

    def test_customer_returns_once_n_days_pass_without_a_visit(self):
        """30 days: a visit 29 days 23 hours ago keeps the customer, a visit
        30 days 1 hour ago is too old and the customer goes back to the pool."""
        kept = self._create_customer("Test Visited Lately Co", self.salesman_li)
        lapsed = self._create_customer("Test Visited Long Ago Co", self.salesman_li)
        now = fields.Datetime.now()
        for partner, age in (
            (kept, timedelta(days=29, hours=23)),
            (lapsed, timedelta(days=30, hours=1)),
        ):
            self._age(partner)
            self.env["sales.activity"].create(
                {
                    "name": "Test visit",
                    "partner_id": partner.id,
                    "user_id": self.salesman_li.id,
                    "date": now - age,
                }
            )
        returned = self._run_cron()
        self.assertIn(lapsed, returned)
        self.assertNotIn(kept, returned)

    def test_cron_is_idempotent(self):
        self._run_cron()
        self.assertFalse(self._run_cron())

    def test_disabled_pool_returns_nothing(self):
        self.company.sales_pool_enabled = False
        self.assertFalse(self._run_cron())
        self.assertEqual(self.customer_idle.user_id, self.salesman_li)

    def test_salesperson_claims_from_the_pool(self):
        pool = self.customer_pool.with_user(self.salesman_zhang)
        pool.action_sales_pool_claim()
        self.assertEqual(self.customer_pool.user_id, self.salesman_zhang)
        self.assertTrue(self.customer_pool.sales_pool_claim_date)

    def test_claim_of_owned_customer_is_refused(self):
        with self.assertRaises(UserError):
            self.customer_li.with_user(self.salesman_zhang).action_sales_pool_claim()

    def test_claim_over_the_limit_is_refused(self):
        pool = self.customer_pool
        for name in ("Test Pool A", "Test Pool B"):
            pool |= self._create_customer(name, False)
        self.env["res.partner"].with_user(self.salesman_zhang).browse(
            pool[:2].ids
        ).action_sales_pool_claim()
        with self.assertRaisesRegex(UserError, "already claimed 2"):
            pool[2].with_user(self.salesman_zhang).action_sales_pool_claim()
        self.assertFalse(pool[2].user_id)

    def test_just_claimed_customer_does_not_return_at_once(self):
        self._age(self.customer_pool)
        self.customer_pool.with_user(self.salesman_li).action_sales_pool_claim()
        self.assertNotIn(self.customer_pool, self._run_cron())

    def test_bad_settings_are_refused(self):
        with self.assertRaises(ValidationError):
            self.company.sales_pool_days = 0
