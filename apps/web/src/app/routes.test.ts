import { describe, expect, it } from 'vitest';
import { matchRoute, matchRouteWithParams, routePath, routes } from './routes.ts';

describe('matchRoute', () => {
  it('finds each page, with or without a trailing slash', () => {
    expect(matchRoute('/')).toBe('home');
    expect(matchRoute('/organiser/recordings')).toBe('recordings');
    expect(matchRoute('/organiser/recordings/')).toBe('recordings');
    expect(matchRoute('/tilgjengelighet')).toBe('accessibility');
    expect(matchRoute('/organiser/api-tokens')).toBe('apiTokens');
  });

  it('answers notFound for anything else', () => {
    expect(matchRoute('/organiser')).toBe('notFound');
    expect(matchRoute('/api/recordings')).toBe('notFound');
  });
});

describe('routes with parameters', () => {
  it('reads the slug of organiser event pages, and keeps "new" for the new-event page', () => {
    expect(matchRouteWithParams('/organiser/events/new')).toEqual({ name: 'newEvent', params: {} });
    expect(matchRouteWithParams('/organiser/events/kommuneplan-2027')).toEqual({
      name: 'editEvent',
      params: { slug: 'kommuneplan-2027' },
    });
    expect(matchRouteWithParams('/organiser/events/kommuneplan-2027/registrations/')).toEqual({
      name: 'eventRegistrations',
      params: { slug: 'kommuneplan-2027' },
    });
    expect(matchRoute('/organiser/events//registrations')).toBe('notFound');
    expect(matchRoute('/organiser/events/%E0%A4%A')).toBe('notFound');
  });

  it('finds the live room of an event', () => {
    expect(matchRouteWithParams('/arrangement/kommuneplan-2027/direkte')).toEqual({
      name: 'eventRoom',
      params: { slug: 'kommuneplan-2027' },
    });
  });

  it('fills parameters into addresses', () => {
    expect(routePath(routes.eventRegistrations, { slug: 'møte 1' })).toBe(
      '/organiser/events/m%C3%B8te%201/registrations',
    );
  });
});
