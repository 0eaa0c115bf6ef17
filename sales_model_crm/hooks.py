# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tools import SQL


def post_init_hook(env):
    """Apply the salesperson export policy to users that existed before install."""
    env["res.users"].with_context(active_test=False).search(
        [("share", "=", False)]
    )._sales_model_enforce_export_policy()
    env["res.company"].search([])._sales_model_sync_business_model_groups()


def uninstall_hook(env):
    """Let the uninstall leave no foreign key records and no paid demo invoice.

    Odoo records each foreign key it creates for a many2one or many2many field in
    ``ir.model.constraint`` (type ``f``), with the module of the field, but with
    no XML id. The uninstall only deletes the constraints that have an XML id of
    the module; the foreign key rows go only through ``ondelete='cascade'`` when
    their model is deleted. Our own models go, so their rows go with them; the
    rows of our columns on Odoo's tables (``res_partner``, ``sale_order``...) stay
    forever, pointing at foreign keys that no longer exist once the columns are
    dropped. (Every addon adding a many2one to a core model leaves such rows.)

    Only the metadata rows are deleted here, and only those of this module: the
    foreign keys themselves stay in PostgreSQL until the uninstall drops their
    columns (and with them the keys), so ``ondelete`` still holds while the
    uninstall deletes our records. Should the uninstall fail, this is rolled
    back with it.

    The demo payment (found by its XML id, so never a user's payment) is reset
    to draft: a posted payment cannot be deleted (its journal entry goes first,
    and a paid payment without one is invalid), and it would keep the demo
    invoice it pays, which a reinstall with demo data then fails to rewrite.
    """
    demo_payment = env.ref(
        "sales_model_crm.account_payment_boya_demo", raise_if_not_found=False
    )
    if demo_payment and demo_payment.state != "draft":
        demo_payment.action_draft()
    env.cr.execute(
        SQL(
            """
            DELETE FROM ir_model_constraint
             WHERE type = 'f'
               AND module IN (SELECT id FROM ir_module_module WHERE name = %s)
            """,
            "sales_model_crm",
        )
    )
