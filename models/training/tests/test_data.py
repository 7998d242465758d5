"""Data helpers on rows written for this test (never a row of a data set)."""
import random
import unittest

from tests import _path  # noqa: F401
import data


def row(utterance, kind, value):
    start = utterance.index(value) if value else ""
    return {"utterance": utterance, "entity_type": kind, "entity_value": value,
            "start_offset": str(start), "end_offset": str(start + len(value)) if value else ""}


class WithoutEntityTest(unittest.TestCase):
    def bare(self, utterance, kind, value):
        return data._without_entity(row(utterance, kind, value), random.Random(0))

    def test_order_number_becomes_a_possessive(self):
        out = self.bare("please help me cancel purchase 4411?", "order_id", "4411")
        self.assertRegex(out, r"^please help me cancel (my|the|my last) purchase\?$")

    def test_existing_determiner_is_kept(self):
        self.assertEqual(self.bare("where is my invoice #77 now", "invoice_id", "#77"), "where is my invoice now")

    def test_other_entities_and_bad_offsets_give_none(self):
        self.assertIsNone(self.bare("refund $40 to me", "refund_amount", "$40"))
        self.assertIsNone(self.bare("show the bills from Ms. Example", "person_name", "Ms. Example"))
        self.assertIsNone(self.bare("no entity here", "", ""))
        bad = row("cancel order 123", "order_id", "123")
        bad["start_offset"] = "0"
        self.assertIsNone(data._without_entity(bad, random.Random(0)))


if __name__ == "__main__":
    unittest.main()
