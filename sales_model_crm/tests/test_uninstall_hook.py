# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import SQL

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..hooks import uninstall_hook
from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestUninstallHook(SalesModelCommon):
    """The uninstall leaves no foreign key records of ours on Odoo's tables.

    bin/check-upgrade proves the whole uninstall; this is the fast guard of the
    hook itself (run in the test transaction, rolled back at the end).
    """

    def _foreign_keys(self):
        self.env.cr.execute(
            SQL(
                """
                SELECT c.name, m.name
                  FROM ir_model_constraint c
                  JOIN ir_module_module m ON m.id = c.module
                 WHERE c.type = 'f'
                """
            )
        )
        return self.env.cr.fetchall()

    def _pg_foreign_keys(self):
        self.env.cr.execute(
            SQL("SELECT conname FROM pg_constraint WHERE contype = %s", "f")
        )
        return {name for (name,) in self.env.cr.fetchall()}

    def test_uninstall_forgets_our_foreign_keys_and_only_ours(self):
        before = self._foreign_keys()
        ours = {name for name, module in before if module == "sales_model_crm"}
        # a column of ours on an Odoo table: the case Odoo's uninstall leaves behind
        self.assertIn("res_partner_sales_region_id_fkey", ours)
        pg_before = self._pg_foreign_keys()
        uninstall_hook(self.env)
        after = self._foreign_keys()
        self.assertEqual(
            sorted(after),
            sorted(row for row in before if row[1] != "sales_model_crm"),
            "the records of other modules' foreign keys are kept",
        )
        # the keys themselves stay until the uninstall drops their columns, so
        # ondelete still holds while it deletes our records
        self.assertEqual(self._pg_foreign_keys(), pg_before)

    def _paid_invoice(self, customer):
        invoice = self._invoice(customer, 1000)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": 1000})._create_payments()
        return invoice, invoice.matched_payment_ids

    def test_uninstall_lets_the_demo_invoice_go_and_keeps_users_payments(self):
        customer = self._create_customer("Uninstall Demo Payer", self.salesman_li)
        demo_invoice, demo_payment = self._paid_invoice(customer)
        user_invoice, user_payment = self._paid_invoice(customer)
        # the demo payment is the one of this XML id (there in demo databases)
        data = self.env["ir.model.data"].search(
            [
                ("module", "=", "sales_model_crm"),
                ("name", "=", "account_payment_boya_demo"),
            ]
        )
        values = {"model": "account.payment", "res_id": demo_payment.id}
        if data:
            data.write(values)
        else:
            data.create(
                dict(values, module="sales_model_crm", name="account_payment_boya_demo")
            )
        # XML ids are looked up in SQL through a cache: in a demo database
        # both still know the real demo payment
        self.env.flush_all()
        self.env.registry.clear_cache()
        posted_state, paid_state = user_payment.state, user_invoice.payment_state
        self.assertNotEqual(paid_state, "not_paid")
        uninstall_hook(self.env)
        self.assertEqual(demo_payment.state, "draft")
        self.assertEqual(demo_invoice.payment_state, "not_paid")
        self.assertEqual(user_payment.state, posted_state, "a user's payment is kept")
        self.assertEqual(user_invoice.payment_state, paid_state)
        # what the uninstall then does with the records of our XML ids
        uninstall = {MODULE_UNINSTALL_FLAG: True}
        demo_payment.with_context(**uninstall).unlink()
        demo_invoice.with_context(**uninstall).unlink()
        self.assertFalse(demo_invoice.exists())
