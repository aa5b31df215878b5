-- Hybrid events ask each registrant whether they come in person or join online; the organiser sees
-- the counts of each. Null for events that are only online or only on site.
alter table registrations add column attendance text check (attendance in ('in_person', 'online'));
