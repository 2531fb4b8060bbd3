-- held_load: reads every report's text once into Go memory
-- (hold_report_text, heldtext.go); the number of reports read.
SELECT count(hold_report_text(rid, text)) FROM reports
