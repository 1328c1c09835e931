-- The statistics page counts status events per month of the day they were recorded (StatsService.changesPerMonth):
-- a range over this index rather than a pass over every event.
CREATE INDEX ix_status_event_recorded ON status_event (recorded_at);
