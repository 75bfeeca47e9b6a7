-- Muscle groups outside the hip, trunk and leg focus of the shipped library, so that imported
-- general strength exercises keep what they train instead of losing it.
INSERT INTO muscle (slug, name, region, location, functions) VALUES
 ('pectorals', 'Pectorals', 'upper-body', 'The front of the chest, from the breastbone and collarbone to the upper arm.', '["pushes the arm forward and across the body"]'),
 ('deltoids', 'Deltoids', 'upper-body', 'The cap of the shoulder.', '["raises the arm forward, to the side and back"]'),
 ('biceps', 'Biceps', 'upper-body', 'The front of the upper arm.', '["bends the elbow", "turns the palm up"]'),
 ('triceps', 'Triceps', 'upper-body', 'The back of the upper arm.', '["straightens the elbow"]'),
 ('forearms', 'Forearm muscles', 'upper-body', 'Between the elbow and the wrist.', '["grip", "moves the wrist and fingers"]'),
 ('latissimus-dorsi', 'Latissimus dorsi', 'upper-body', 'The wide muscle of the mid and lower back, running up to the upper arm.', '["pulls the arm down and back"]'),
 ('upper-back', 'Upper back (rhomboids and middle trapezius)', 'upper-body', 'Between the shoulder blades.', '["draws the shoulder blades together"]'),
 ('trapezius', 'Upper trapezius', 'upper-body', 'From the base of the skull across the top of the shoulders.', '["lifts the shoulder blades"]'),
 ('neck', 'Neck muscles', 'upper-body', 'Around the cervical spine.', '["moves and steadies the head"]')
ON CONFLICT (slug) DO NOTHING;
