import {
  ListEgressRequest,
  ListEgressResponse,
  RoomCompositeEgressRequest,
  StopEgressRequest,
} from '@livekit/protocol';
import { requireGrant } from '../stand-in/require-grant.ts';
import { type TwirpService, twirpMethod } from '../stand-in/twirp-method.ts';
import type { RecorderEgress } from './recorder-egress.ts';

/** The `livekit.Egress` methods the product calls, with Egress's grant check. */
export function recorderService(egress: RecorderEgress): TwirpService {
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
