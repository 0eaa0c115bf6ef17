# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every term Odoo exports for sales_model_crm_reports is in its .pot and in Chinese.

See sales_model_crm.tests.common_translations for what is compared and why
demo data is left out.
"""

from odoo.tests import TransactionCase, tagged

from odoo.addons.sales_model_crm.tests.common_translations import (
    ExportedTranslationsMixin,
)


@tagged("post_install", "-at_install")
class TestTranslationsExported(ExportedTranslationsMixin, TransactionCase):
    addon = "sales_model_crm_reports"

    def test_every_term_of_the_code_is_translated(self):
        self.assert_code_terms_translated()

    def test_no_stale_term(self):
        self.assert_no_stale_terms()
