# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common_quota import SalesQuotaCommon


@tagged("post_install", "-at_install")
class TestHandover(SalesQuotaCommon):
    """Li leaves: two customers, two open opportunities (and a won one), an
    open activity, a draft and a confirmed quota (and a closed one), a plan, a
    collection plan with money to collect, an open problem (and a solved one)
    and a daily review."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer_li_2 = cls._create_customer("Test Li Second Co", cls.salesman_li)
        Lead = cls.env["crm.lead"].with_context(mail_create_nolog=True)
        cls.leads_open = Lead.create(
            [
                {
                    "name": f"Test open deal {i}",
                    "type": "opportunity",
                    "user_id": cls.salesman_li.id,
                    "partner_id": cls.customer_li.id,
                    "company_id": cls.company.id,
                }
                for i in range(2)
            ]
        )
        cls.lead_won = Lead.create(
            {
                "name": "Test won deal",
                "type": "opportunity",
                "user_id": cls.salesman_li.id,
                "company_id": cls.company.id,
            }
        )
        cls.lead_won.action_set_won()
        cls.activity = cls.leads_open[0].activity_schedule(
            "mail.mail_activity_data_todo", user_id=cls.salesman_li.id
        )
        cls.quota_draft = cls._quota(cls.feb, cls.salesman_li, 10_000)
        cls.quota_confirmed = cls._quota(cls.jan, cls.salesman_li, 10_000)
        cls.quota_confirmed.action_confirm()
        cls.quota_closed = cls._quota(cls.mar, cls.salesman_li, 10_000)
        cls.quota_closed.write({"state": "closed"})
        cls.plan = cls.env["sales.plan"].create(
            {
                "name": "Test Li plan",
                "period_id": cls.q1.id,
                "owner_type": "user",
                "user_id": cls.salesman_li.id,
                "company_id": cls.company.id,
            }
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer_li.id,
                "user_id": cls.salesman_li.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.env["product.product"]
                            .create({"name": "Test handover dispenser"})
                            .id,
                            "price_unit": 500,
                        }
                    )
                ],
            }
        )
        cls.collection_plan = cls.env["sales.collection.plan"].create(
            {"order_id": order.id}
        )
        cls.problem_open, cls.problem_solved = cls.env["sales.problem"].create(
            [
                {"name": f"Test handover problem {i}", "user_id": cls.salesman_li.id}
                for i in range(2)
            ]
        )
        cls.problem_solved.action_solve()
        cls.review = cls.env["sales.daily.review"].create(
            {"user_id": cls.salesman_li.id, "date": cls._today()}
        )
        cls.wizard_model = cls.env["sales.handover.wizard"].with_user(cls.director)

    def _wizard(self, **values):
        return self.wizard_model.create({"from_user_id": self.salesman_li.id, **values})

    def _owned_by(self, user):
        env = self.env
        return {
            "partner": env["res.partner"].search_count([("user_id", "=", user.id)]),
            "lead": env["crm.lead"].search_count([("user_id", "=", user.id)]),
            "activity": env["mail.activity"].search_count([("user_id", "=", user.id)]),
            "quota": env["sales.quota"].search_count([("user_id", "=", user.id)]),
            "plan": env["sales.plan"].search_count([("user_id", "=", user.id)]),
            "collection": env["sales.collection.plan"].search_count(
                [("user_id", "=", user.id)]
            ),
            "problem": env["sales.problem"].search_count([("user_id", "=", user.id)]),
            "review": env["sales.daily.review"].search_count(
                [("user_id", "=", user.id)]
            ),
        }

    def test_preview_counts_what_moves(self):
        wizard = self._wizard(successor_ids=[Command.set(self.salesman_zhang.ids)])
        # Zhilian and its contact Sun Li, the second customer, the agent
        self.assertEqual(wizard.partner_count, 4)
        self.assertEqual(wizard.lead_count, 2)
        self.assertEqual(wizard.activity_count, 1)
        self.assertEqual(wizard.quota_count, 2)
        self.assertEqual(wizard.plan_count, 1)

    def test_round_robin_moves_everything_open_and_nothing_else(self):
        before_li = self._owned_by(self.salesman_li)
        before_zhang = self._owned_by(self.salesman_zhang)
        before_wang = self._owned_by(self.team_manager)
        wizard = self._wizard(
            successor_ids=[Command.set((self.salesman_zhang | self.team_manager).ids)]
        )
        action = wizard.action_confirm()
        after_li = self._owned_by(self.salesman_li)
        after_zhang = self._owned_by(self.salesman_zhang)
        after_wang = self._owned_by(self.team_manager)
        # left with Li, as history: the won opportunity, the closed quota, the
        # solved problem and the daily review
        self.assertEqual(
            after_li,
            {
                "partner": 0,
                "lead": 1,
                "activity": 0,
                "quota": 1,
                "plan": 0,
                "collection": 0,
                "problem": 1,
                "review": 1,
            },
        )
        for kind in before_li:
            moved = before_li[kind] - after_li[kind]
            gained = (after_zhang[kind] - before_zhang[kind]) + (
                after_wang[kind] - before_wang[kind]
            )
            self.assertEqual(moved, gained, kind)  # nothing lost
        self.assertEqual(self.lead_won.user_id, self.salesman_li)
        self.assertEqual(self.quota_closed.user_id, self.salesman_li)
        log = self.env["sales.handover.log"].browse(action["res_id"])
        self.assertEqual(log.moved_count, 4 + 2 + 1 + 2 + 1 + 1 + 1)
        self.assertEqual(self.review.user_id, self.salesman_li)
        self.assertEqual(self.problem_solved.user_id, self.salesman_li)
        self.assertEqual(sum(log.line_ids.mapped("count")), log.moved_count)
        # shared in turn: both successors got customers
        partner_lines = log.line_ids.filtered(lambda line: line.kind == "partner")
        self.assertEqual(
            partner_lines.to_user_id, self.salesman_zhang | self.team_manager
        )

    def test_manual_per_kind_and_archive(self):
        wizard = self._wizard(
            mode="manual",
            partner_successor_id=self.salesman_zhang.id,
            lead_successor_id=self.team_manager.id,
            activity_successor_id=self.team_manager.id,
            quota_successor_id=self.salesman_zhang.id,
            plan_successor_id=self.salesman_zhang.id,
            collection_successor_id=self.team_manager.id,
            problem_successor_id=self.team_manager.id,
            archive_user=True,
        )
        wizard.action_confirm()
        self.assertEqual(self.customer_li.user_id, self.salesman_zhang)
        self.assertEqual(self.leads_open.user_id, self.team_manager)
        self.assertEqual(self.activity.user_id, self.team_manager)
        self.assertEqual(self.quota_confirmed.user_id, self.salesman_zhang)
        self.assertEqual(self.plan.user_id, self.salesman_zhang)
        self.assertEqual(self.collection_plan.user_id, self.team_manager)
        self.assertEqual(self.problem_open.user_id, self.team_manager)
        self.assertFalse(self.salesman_li.active)

    def test_tracking_shows_the_change_in_chatter(self):
        # the test environment disables tracking (BaseCommon): turn it back on
        wizard = self._wizard(successor_ids=[Command.set(self.salesman_zhang.ids)])
        # the tracking callback pending from the setup keeps its context:
        # drop it so that this handover's changes are tracked
        self.env.flush_all()
        self.env.cr.precommit.clear()
        wizard.with_env(self.env(context={})).action_confirm()
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", self.customer_li.id),
                ("field_id.name", "=", "user_id"),
            ]
        )
        self.assertTrue(tracked)

    def test_handover_to_oneself_is_refused(self):
        wizard = self._wizard(successor_ids=[Command.set(self.salesman_li.ids)])
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_handover_to_archived_user_is_refused(self):
        self.salesman_zhang.active = False
        wizard = self._wizard(successor_ids=[Command.set(self.salesman_zhang.ids)])
        with self.assertRaises(UserError):
            wizard.action_confirm()

    def test_manual_needs_a_successor_per_kind(self):
        wizard = self._wizard(
            mode="manual", partner_successor_id=self.salesman_zhang.id
        )
        with self.assertRaises(UserError):
            wizard.action_confirm()
        self.assertEqual(self.customer_li.user_id, self.salesman_li)

    def test_only_directors_hand_over(self):
        for user in (self.salesman_li, self.team_manager, self.salesman_all):
            with self.assertRaises(AccessError):
                self.env["sales.handover.wizard"].with_user(user).create(
                    {"from_user_id": self.salesman_zhang.id}
                )

    def test_form_preview(self):
        form = Form(self.wizard_model)
        form.from_user_id = self.salesman_li
        self.assertEqual(form.lead_count, 2)
        self.assertEqual(form.quota_count, 2)
        self.assertEqual(form.collection_count, 1)
        self.assertEqual(form.problem_count, 1)
