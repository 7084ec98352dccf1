-- The coach's advice (what is going on, signals, timing, what to do) stored with each analysis,
-- as JSON text; NULL for analyses made before it existed. And the user's own speech style in
-- one relationship, measured from their messages in that partner's rooms.

ALTER TABLE analyses ADD COLUMN IF NOT EXISTS advice TEXT;

ALTER TABLE partners ADD COLUMN IF NOT EXISTS my_speech_style TEXT
