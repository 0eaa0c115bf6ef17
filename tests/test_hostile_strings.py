# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Hostile strings typed into the engine: stored as text, escaped in HTML.

The strings come from ``data/bad_strings.json`` (issue 7). Each is stored as
typed in the names and titles a user types (partners, teams, regions,
problems, announcements, knowledge articles, logged activities), and HTML
fields keep their text but lose the script. Wherever our code writes them into
HTML (chatter messages, e-mails, the agents' portal pages) they come out
escaped: ``<img src=x onerror=alert(1)>`` is shown, never run. The Excel side
is in ``sales_model_crm_reports/tests/test_xlsx_injection.py``.
"""

from datetime import timedelta

from markupsafe import escape

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.sales_model_crm.tests.common_customer_care import (
    SalesCustomerCareCommon,
)
from odoo.addons.sales_model_crm.tests.common_quota import SalesQuotaCommon
from odoo.addons.sales_model_crm.tests.corpora import load_bad_strings

RAW_HTML = "<img src=x onerror"


class HostileStringsCommon(SalesQuotaCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bad = load_bad_strings()
        cls.texts = list(cls.bad.values())
        cls.html = cls.bad["html"]
        # how the HTML string must come out of a page, a message or a mail
        cls.escaped = str(escape(cls.html))
        # several strings in one title: escaped HTML, a template, SQL, RTL
        cls.title = " ".join(cls.bad[key] for key in ("html", "template", "sql", "rtl"))

    def assertEscaped(self, html, what, present=True):
        """``html`` never holds the HTML string raw; it holds it escaped."""
        html = str(html or "")
        # short messages: a page is long
        self.assertFalse(RAW_HTML in html, f"{what}: the HTML string is not escaped")
        self.assertFalse(
            "onerror=alert" in html.replace(self.escaped, ""),
            f"{what}: a script attribute is left",
        )
        if present:
            self.assertTrue(self.escaped in html, f"{what}: the string is missing")


@tagged("post_install", "-at_install")
class TestHostileStringsStored(HostileStringsCommon):
    def _check_stored(self, model, field_name, values=None):
        """Create one record per string in ``field_name``; read them back."""
        records = self.env[model].create(
            [{**(values or {}), field_name: text} for text in self.texts]
        )
        self.env.invalidate_all()
        self.assertEqual(records.mapped(field_name), self.texts, model)
        for record, text in zip(records, self.texts, strict=True):
            # the text is a query parameter, never SQL
            found = self.env[model].search(
                [(field_name, "=", text), ("id", "in", records.ids)]
            )
            self.assertEqual(found, record, f"{model}: search {text[:30]!r}")
        return records

    def test_names_and_titles_are_stored_as_typed(self):
        self._check_stored("res.partner", "name")
        self._check_stored("crm.team", "name", {"company_id": self.company.id})
        self._check_stored("sales.region", "name", {"company_id": self.company.id})
        self._check_stored("sales.problem", "name", {"user_id": self.salesman_li.id})
        self._check_stored(
            "sales.announcement", "name", {"company_id": self.company.id}
        )
        self._check_stored("sales.knowledge.article", "name")
        self._check_stored(
            "sales.activity",
            "name",
            {"partner_id": self.customer_li.id, "user_id": self.salesman_li.id},
        )

    def test_name_search_takes_the_text_as_a_pattern(self):
        partners = self._check_stored("res.partner", "name")
        for partner, text in zip(partners, self.texts, strict=True):
            ids = [
                found[0]
                for found in self.env["res.partner"].name_search(text[:200], limit=50)
            ]
            self.assertIn(partner.id, ids, text[:30])
        self.assertTrue(self.env["res.partner"].search_count([]), "table still there")

    def test_html_fields_keep_the_text_and_drop_the_script(self):
        quota = self._quota(self.jan, self.salesman_li, 1000)
        review = self.env["sales.daily.review"].create(
            {
                "user_id": self.salesman_li.id,
                "date": self._today() - timedelta(days=1),
            }
        )
        problem = self.env["sales.problem"].create(
            {"name": "Test bad problem", "user_id": self.salesman_li.id}
        )
        announcement = self.env["sales.announcement"].create(
            {"name": "Test bad news", "company_id": self.company.id}
        )
        article = self.env["sales.knowledge.article"].create(
            {"name": "Test bad script"}
        )
        # an RPC client sends the raw string as HTML, the editor sends it
        # escaped in a paragraph
        raw = "".join(f"<p>{text}</p>" for text in self.texts)
        typed = "".join(f"<p>{escape(text)}</p>" for text in self.texts)
        for record, field_name in (
            (quota, "note"),
            (review, "summary"),
            (review, "tomorrow_plan"),
            (problem, "description"),
            (announcement, "body"),
            (article, "body"),
        ):
            what = f"{record._name}.{field_name}"
            record[field_name] = raw
            self.env.invalidate_all()
            stored = str(record[field_name])
            self.assertNotIn("onerror", stored, what)
            self.assertIn(self.bad["template"], stored, what)
            self.assertIn(self.bad["long"], stored, what)
            record[field_name] = typed
            self.env.invalidate_all()
            self.assertEscaped(record[field_name], what)


@tagged("post_install", "-at_install")
class TestHostileStringsInMessages(HostileStringsCommon):
    """Chatter messages, activities and e-mails our code writes."""

    def _last_message(self, record):
        return self.env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id)],
            order="id desc",
            limit=1,
        )

    def test_daily_review_messages_escape_names_and_comment(self):
        self.salesman_li.name = self.html
        review = self.env["sales.daily.review"].create(
            {
                "user_id": self.salesman_li.id,
                "date": self._today() - timedelta(days=1),
            }
        )
        self.assertEqual(review.manager_id, self.team_manager)
        review.with_user(self.salesman_li).action_submit()
        self.assertEscaped(self._last_message(review).body, "submitted")
        review.with_user(self.team_manager).write(
            {"score": "3", "manager_comment": self.title}
        )
        if review.state != "reviewed":
            review.with_user(self.team_manager).action_review()
        body = self._last_message(review).body
        self.assertEscaped(body, "reviewed")
        # the stored body is sanitized HTML: quotes are plain text there
        self.assertIn(self.bad["sql"], body)
        self.assertIn(self.bad["template"], body)

    def test_problem_escalation_keeps_the_title_as_text(self):
        problem = self.env["sales.problem"].create(
            {"name": self.title, "user_id": self.salesman_li.id}
        )
        problem.with_user(self.salesman_li).action_escalate()
        activity = problem.activity_ids
        self.assertEqual(len(activity), 1)
        # a plain-text field: the web client escapes it
        self.assertEqual(activity.summary, f"Escalated: {self.title}")

    def test_announcement_mail_escapes_the_title_and_sanitizes_the_body(self):
        announcement = (
            self.env["sales.announcement"]
            .with_user(self.director)
            .create(
                {
                    "name": self.title,
                    "body": f"<p>{self.html}</p><p>{escape(self.html)}</p>",
                    "company_id": self.company.id,
                    "agent_ids": [Command.set(self.agent.ids)],
                }
            )
        )
        self.agent.email = "test.agent@example.com"
        announcement.action_publish()
        mail = self.env["mail.mail"].search(
            [("model", "=", announcement._name), ("res_id", "=", announcement.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertEscaped(mail.body_html, "announcement e-mail")
        # the subject is rendered once: the title's {{7*7}} is not evaluated
        self.assertEqual(mail.subject, self.title)
        # the tracked title in the chatter is a value, shown escaped
        self.assertNotIn(RAW_HTML, str(self._last_message(announcement).body))


@tagged("post_install", "-at_install")
class TestHostileStringsInReminders(SalesCustomerCareCommon):
    """The refill reminder: the salesperson's activity and the customer's e-mail."""

    def test_refill_reminder_and_mail_keep_names_as_text(self):
        bad = load_bad_strings()
        html = bad["html"]
        customer_name = f"{html} {bad['sql']} {bad['rtl']}"
        product_name = f"{html} {bad['template']}"
        self.customer_li.name = customer_name
        self.water.name = product_name
        self.company.sales_cycle_customer_notice = "email"
        self._order(self.customer_li, self.water, 2, days_ago=12)
        self.engine._cron_purchase_cycles()
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "in", self.customer_li.ids)]
        )
        self.assertEqual(len(mail), 1)
        # the subject is rendered once: the name's {{7*7}} stays as typed
        self.assertEqual(mail.subject, f"Time to refill {product_name}?")
        self.assertNotIn("<img src=x onerror", mail.body_html)
        self.assertIn(str(escape(html)), mail.body_html)
        # the salesperson's activity summary is plain text (escaped on display)
        activity = self.env["mail.activity"].search(
            [("res_model", "=", "res.partner"), ("res_id", "=", self.customer_li.id)]
        )
        self.assertIn(customer_name, activity.mapped("summary")[0])


class HostilePortalCommon(HostileStringsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the agent, its contact and its quota's plan carry the HTML string
        cls.agent.write({"name": cls.title, "email": "test.agent@example.com"})
        cls.portal_user = cls._portal_user("smc_bad_agent", cls.title, cls.agent)
        cls.quota = cls._quota(cls.q1, cls.agent, 100_000)
        cls.quota.action_confirm()
        cls.plan = cls.env["sales.plan"].create(
            {
                "name": cls.title,
                "period_id": cls.q1.id,
                "quota_id": cls.quota.id,
                "owner_type": "agent",
                "agent_id": cls.agent.id,
                "company_id": cls.company.id,
            }
        )
        cls.announcement = (
            cls.env["sales.announcement"]
            .with_user(cls.director)
            .create(
                {
                    "name": cls.title,
                    "body": f"<p>{cls.html}</p><p>{escape(cls.html)}</p>",
                    "company_id": cls.company.id,
                    "agent_ids": [Command.set(cls.agent.ids)],
                }
            )
        )
        cls.announcement.action_publish()


@tagged("post_install", "-at_install")
class TestHostileStringsOnPortal(HostilePortalCommon, HttpCase):
    """The agents' portal pages, as the browser gets them."""

    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response.text

    def test_quota_pages_escape_the_agents_name_and_plan(self):
        self.authenticate("smc_bad_agent", "smc_bad_agent")
        self.assertEscaped(self._page("/my"), "/my", present=False)
        for url in ("/my/quotas", f"/my/quotas/{self.quota.id}"):
            self.assertEscaped(self._page(url), url)

    def test_announcement_pages_escape_the_title_and_body(self):
        self.authenticate("smc_bad_agent", "smc_bad_agent")
        for url in (
            "/my/announcements",
            f"/my/announcements/{self.announcement.id}",
        ):
            page = self._page(url)
            self.assertEscaped(page, url)
            self.assertIn(str(escape(self.bad["rtl"])), page, url)
