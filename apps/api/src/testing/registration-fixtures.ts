export function registrationBody(n: number | string, extra: Record<string, unknown> = {}) {
  return { name: `Deltaker ${n}`, email: `deltaker-${n}@example.no`, consent: true, ...extra };
}

export function postRegistration(baseUrl: string, slug: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/events/${slug}/registrations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}
