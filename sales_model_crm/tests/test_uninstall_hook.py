# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..hooks import uninstall_hook


@tagged("post_install", "-at_install")
class TestUninstallHook(TransactionCase):
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
