# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Apply the salesperson export policy to users that existed before install."""
    env["res.users"].with_context(active_test=False).search(
        [("share", "=", False)]
    )._sales_model_enforce_export_policy()
    env["res.company"].search([])._sales_model_sync_business_model_groups()
