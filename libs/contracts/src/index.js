"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ping = void 0;
const ping = () => "pong";
exports.ping = ping;
//# sourceMappingURL=index.js.map