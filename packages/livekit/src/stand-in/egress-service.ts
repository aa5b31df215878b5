import {
  ListEgressRequest,
  ListEgressResponse,
  RoomCompositeEgressRequest,
  StopEgressRequest,
} from '@livekit/protocol';
import type { EgressManager } from './egress-manager.ts';
import { requireGrant } from './require-grant.ts';
import { type TwirpService, twirpMethod } from './twirp-method.ts';

export function egressService(egress: EgressManager): TwirpService {
  return {
    StartRoomCompositeEgress: twirpMethod(RoomCompositeEgressRequest, (request, claims) => {
      requireGrant(claims, 'roomRecord');
      return egress.startRoomComposite(request);
    }),

    StopEgress: twirpMethod(StopEgressRequest, (request, claims) => {
      requireGrant(claims, 'roomRecord');
      return egress.stop(request.egressId);
    }),

    ListEgress: twirpMethod(ListEgressRequest, (request, claims) => {
      requireGrant(claims, 'roomRecord');
      return new ListEgressResponse({ items: egress.list(request) });
    }),
  };
}
