// Room display at /console/display?meeting=ID (public meetings, no token; or a viewer link):
// for the chamber's screens and the webcast overlay.
import '../../static/console.css';
import './views.css';
import { bootConsole } from '../shell/console';
import { RoomDisplay } from '../ui/room-display';

document.documentElement.classList.add('display-page');

bootConsole({
  roles: ['viewer'], name: 'console.display',
  page: ({ meeting }) => <RoomDisplay floor={meeting.floor!} qna={meeting.qna} serverNow={meeting.serverNow} />,
  // A few screens per room: a fresh snapshot after each floor event keeps the roll call of a
  // closed vote (R52), which the broadcast view does not carry; spread so screens do not ask at once.
  options: () => ({ refreshDelay: () => 200 + Math.random() * 800 }),
});
