# Copyright 2026 Sales Model CRM maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged
from odoo.tools import SQL

from .common import SalesModelCommon


@tagged("post_install", "-at_install")
class TestSalesFunnel(SalesModelCommon):
    """Four opportunities of Li's team through four stages of its own.

    A stays in New; B moved on to Qualified; C went to Proposal and was lost
    there; D jumped from New to Won. The stage changes are tracked, and
    dated by rewriting their messages' dates.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["crm.stage"]
        cls.stages = Stage
        for sequence, name in enumerate(["New", "Qualified", "Proposal"], 1001):
            cls.stages |= Stage.create(
                {
                    "name": f"Test {name}",
                    "sequence": sequence,
                    "team_id": cls.team_wang.id,
                }
            )
        cls.stages |= Stage.create(
            {
                "name": "Test Won",
                "sequence": 1004,
                "team_id": cls.team_wang.id,
                "is_won": True,
            }
        )
        new, qualified, proposal, won = cls.stages
        # stage changes are tracked like in the web client
        Lead = cls.env["crm.lead"].with_context(
            tracking_disable=False, mail_notrack=False
        )
        cls.leads = Lead
        for name, revenue in (("A", 100), ("B", 200), ("C", 300), ("D", 400)):
            cls.leads |= Lead.create(
                {
                    "name": f"Test Deal {name}",
                    "type": "opportunity",
                    "team_id": cls.team_wang.id,
                    "user_id": cls.salesman_li.id,
                    "stage_id": new.id,
                    "expected_revenue": revenue,
                }
            )
        # a new record's changes are not tracked until the creation is posted
        cls._post_tracking()
        lead_a, lead_b, lead_c, lead_d = cls.leads
        cls._move(lead_b, qualified)
        cls._move(lead_c, qualified)
        cls._move(lead_c, proposal)
        lead_c.action_set_lost()
        cls._move(lead_d, won)
        cls._date_history(
            {
                lead_a: ("NOW() - INTERVAL '6 days'", []),
                lead_b: ("'2026-01-01'", ["'2026-01-11'"]),
                lead_c: ("'2026-01-01'", ["'2026-01-05'", "'2026-01-08'"]),
                lead_d: ("'2026-01-01'", ["'2026-01-21'"]),
            }
        )

    @classmethod
    def _post_tracking(cls):
        cls.env.flush_all()
        cls.env.cr.precommit.run()

    @classmethod
    def _move(cls, lead, stage):
        lead.stage_id = stage
        cls._post_tracking()

    @classmethod
    def _date_history(cls, history):
        """Date each lead's creation and stage changes (in their order)."""
        for lead, (created, moves) in history.items():
            cls.env.cr.execute(
                SQL(
                    "UPDATE crm_lead SET create_date = %s WHERE id = %s",
                    SQL(created),
                    lead.id,
                )
            )
            cls.env.cr.execute(
                SQL(
                    """
                    SELECT msg.id FROM mail_tracking_value tv
                      JOIN mail_message msg ON msg.id = tv.mail_message_id
                      JOIN ir_model_fields f ON f.id = tv.field_id
                     WHERE msg.model = 'crm.lead' AND msg.res_id = %s
                       AND f.name = 'stage_id'
                     ORDER BY tv.id
                    """,
                    lead.id,
                )
            )
            message_ids = [row[0] for row in cls.env.cr.fetchall()]
            assert len(message_ids) == len(moves), (lead.name, message_ids)
            for message_id, when in zip(message_ids, moves, strict=True):
                cls.env.cr.execute(
                    SQL(
                        "UPDATE mail_message SET date = %s WHERE id = %s",
                        SQL(when),
                        message_id,
                    )
                )
        cls.env.invalidate_all()

    def _funnel(self, user=None):
        report = self.env["sales.funnel.report"]
        if user:
            report = report.with_user(user)
        groups = report._read_group(
            [("team_id", "=", self.team_wang.id), ("stage_id", "in", self.stages.ids)],
            ["stage_id"],
            [
                "lead_count:sum",
                "expected_revenue:sum",
                "next_stage_rate:avg",
                "won_rate:avg",
                "days_in_stage:avg",
            ],
        )
        return {stage: values for stage, *values in groups}

    def test_funnel_counts_and_conversions(self):
        funnel = self._funnel()
        new, qualified, proposal, won = self.stages
        self.assertEqual(list(funnel), list(self.stages), "ordered by stage sequence")
        counts = {stage: values[:2] for stage, values in funnel.items()}
        self.assertEqual(
            counts,
            {
                new: [4, 1000.0],
                qualified: [3, 900.0],
                proposal: [2, 700.0],
                won: [1, 400.0],
            },
        )
        rates = {
            stage: [round(v, 1) for v in values[2:4]]
            for stage, values in funnel.items()
        }
        self.assertEqual(
            rates,
            {
                new: [75.0, 25.0],
                qualified: [66.7, 33.3],
                proposal: [50.0, 50.0],
                won: [0.0, 100.0],
            },
        )

    def test_average_days_in_stage_from_tracking(self):
        new, qualified, _proposal, _won = self.stages
        funnel = self._funnel()
        # A for 6 days so far, B 10 days, C 4 days, D 20 days
        self.assertAlmostEqual(funnel[new][4], 10.0, places=2)
        rows = self.env["sales.funnel.report"].search(
            [("lead_id", "=", self.leads[2].id), ("stage_id", "=", qualified.id)]
        )
        self.assertAlmostEqual(rows.days_in_stage, 3.0, places=2)

    def test_salesperson_sees_own_funnel_only(self):
        self.assertEqual(self._funnel(self.salesman_zhang), {})
        self.assertEqual(len(self._funnel(self.salesman_li)), 4)
        self.assertEqual(len(self._funnel(self.team_manager)), 4)
