# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The import templates a user starts from (data/import_templates/).

The customer and contact templates are offered on Odoo's import screen and
load, as they are, through Odoo's own import: every column maps by itself, in
English and in Chinese, and the example rows arrive with their profiles.
"""

from datetime import date
from pathlib import Path

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path

REPO = Path(__file__).resolve().parent.parent
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
OPTIONS = {
    "has_headers": True,
    "quoting": '"',
    "separator": ",",
    "encoding": "",
    "date_format": "%Y-%m-%d",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "sheet": "Import",
    "advanced": True,
    "keep_matches": False,
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "fallback_values": {},
    # the "create if it does not exist" box the user ticks for hobbies
    "name_create_enabled_fields": {"sales_hobby_ids": True},
}


@tagged("post_install", "-at_install")
class TestCustomerImportTemplates(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.templates = {
            Path(template["template"]).name: template
            for template in cls.env["res.partner"].get_import_templates()
        }

    def _template_bytes(self, name):
        return Path(file_path(f"sales_model_crm/static/xls/{name}")).read_bytes()

    def _import(self, name, lang="en_US"):
        """Load a template as the import screen does: preview, the columns
        matched by Odoo, then the import itself. Returns the created ids."""
        importer = (
            self.env["base_import.import"]
            .with_context(lang=lang)
            .create(
                {
                    "res_model": "res.partner",
                    "file": self._template_bytes(name),
                    "file_name": name,
                    "file_type": XLSX,
                }
            )
        )
        preview = importer.parse_preview(dict(OPTIONS))
        self.assertFalse(preview.get("error"), preview.get("error"))
        headers = preview["headers"]
        matches = preview["matches"]
        unmatched = [h for i, h in enumerate(headers) if i not in matches]
        self.assertFalse(unmatched, f"{name}: columns Odoo does not map ({lang})")
        fields = ["/".join(matches[i]) for i in range(len(headers))]
        self.assertEqual(fields, headers, "every column maps to its own field path")
        result = importer.execute_import(fields, headers, dict(OPTIONS))
        self.assertFalse(result["messages"], f"{name} ({lang}): {result['messages']}")
        return self.env["res.partner"].browse(result["ids"])

    def test_import_screen_offers_both_templates(self):
        self.assertIn("sales_customers_import.xlsx", self.templates)
        self.assertIn("sales_contacts_import.xlsx", self.templates)
        # Odoo's own contact template is still offered
        self.assertGreater(len(self.templates), 2)

    def test_templates_in_data_are_the_served_files(self):
        for link, served in (
            ("customers.xlsx", "sales_customers_import.xlsx"),
            ("contacts.xlsx", "sales_contacts_import.xlsx"),
        ):
            self.assertEqual(
                (REPO / "data" / "import_templates" / link).read_bytes(),
                self._template_bytes(served),
            )

    def test_customers_arrive_with_shareholders_and_departments(self):
        customers = self._import("sales_customers_import.xlsx")
        self.assertEqual(len(customers), 2)
        water = customers.filtered(lambda p: p.name == "华源水务有限公司")
        self.assertTrue(water.is_company)
        self.assertEqual(
            water.sales_kind_ids,
            self.env.ref("sales_model_crm.sales_partner_kind_customer"),
        )
        self.assertEqual(water.sales_scale, "medium")
        self.assertEqual(water.sales_founding_date, date(2008, 5, 12))
        self.assertEqual(water.sales_employee_count, 320)
        self.assertEqual(water.country_id, self.env.ref("base.cn"))
        self.assertEqual(
            sorted(water.sales_shareholder_ids.mapped(lambda s: (s.name, s.share))),
            [("华源控股集团", 60.0), ("陈建国", 40.0)],
        )
        self.assertEqual(
            sorted(water.sales_department_ids.mapped("name")), ["行政部", "采购部"]
        )

    def test_contacts_arrive_with_family_hobbies_and_work_history(self):
        self._import("sales_customers_import.xlsx")
        contacts = self._import("sales_contacts_import.xlsx")
        chen = contacts.filtered(lambda p: p.name == "陈建国")
        self.assertEqual(chen.parent_id.name, "华源水务有限公司")
        self.assertEqual(chen.sales_gender, "male")
        # a 29 February birthday is kept as it is
        self.assertEqual(chen.sales_birthday, date(1972, 2, 29))
        self.assertEqual(chen.sales_decision_role, "decision_maker")
        self.assertEqual(
            sorted(chen.sales_hobby_ids.mapped("name")), ["茶道", "高尔夫"]
        )
        self.assertEqual(
            sorted(chen.sales_family_member_ids.mapped("relation")), ["child", "spouse"]
        )
        self.assertEqual(chen.sales_experience_ids.employer, "上海自来水公司")
        liu = contacts.filtered(lambda p: p.name == "刘芳")
        self.assertEqual(liu.sales_decision_role, "influencer")
        self.assertEqual(liu.sales_experience_ids.date_to, date(2016, 12, 31))

    def test_templates_import_the_same_in_chinese(self):
        customers = self._import("sales_customers_import.xlsx", lang="zh_CN")
        contacts = self._import("sales_contacts_import.xlsx", lang="zh_CN")
        self.assertEqual(len(customers), 2)
        self.assertEqual(len(contacts), 2)
        self.assertEqual(
            contacts.filtered(lambda p: p.name == "刘芳").parent_id, customers[0]
        )
