/**
 * Generated from the API's OpenAPI document (/api/docs/json) by `npm run api:generate`
 * (scripts/generate-api-client.ts). Do not edit: change the route schemas and generate again.
 */
export interface paths {
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tình trạng máy chủ / health */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
              /** @enum {string} */
              database: 'pglite' | 'postgres';
              version: string;
            };
          };
        };
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'down';
              /** @enum {string} */
              database: 'pglite' | 'postgres';
              version: string;
              message: string;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đăng nhập / sign in */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            password: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                grants: {
                  /** @enum {string} */
                  role: 'admin' | 'coordinator' | 'approver' | 'reporter' | 'viewer';
                  orgUnitCode: string;
                }[];
              } | null;
              csrfToken: string | null;
            };
          };
        };
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đăng xuất / sign out */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Signed out */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Phiên hiện tại / current session */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              user: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                grants: {
                  /** @enum {string} */
                  role: 'admin' | 'coordinator' | 'approver' | 'reporter' | 'viewer';
                  orgUnitCode: string;
                }[];
              } | null;
              csrfToken: string | null;
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đổi mật khẩu / change password */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string;
            newPassword: string;
          };
        };
      };
      responses: {
        /** @description Changed */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/demo-accounts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tài khoản minh họa (chỉ ở chế độ demo) / demo accounts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              password: string | null;
              items: {
                username: string;
                displayName: string;
                grants: {
                  /** @enum {string} */
                  role: 'admin' | 'coordinator' | 'approver' | 'reporter' | 'viewer';
                  orgUnitCode: string;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tài khoản trong phạm vi quản lý / accounts you manage */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                username: string;
                displayName: string;
                active: boolean;
                isDemo: boolean;
                grants: {
                  /** @enum {string} */
                  role: 'admin' | 'coordinator' | 'approver' | 'reporter' | 'viewer';
                  orgUnitCode: string;
                }[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Tạo tài khoản / create an account */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            username: string;
            displayName: string;
            password: string;
            grants: {
              /** @enum {string} */
              role: 'admin' | 'coordinator' | 'approver' | 'reporter' | 'viewer';
              orgUnitCode: string;
            }[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhật ký thay đổi / audit trail of a unit and its subtree */
    get: {
      parameters: {
        query: {
          /** @description Org unit code: the unit and everything under it */
          unit: string;
          /** @description User id */
          user?: string;
          period?: string;
          action?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                at: string;
                userId: string | null;
                username: string | null;
                action: string;
                entity: string;
                entityId: string | null;
                orgUnitCode: string | null;
                period: string | null;
                before: unknown;
                after: unknown;
                reason: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/history/observation': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch sử một số liệu / history of one figure */
    get: {
      parameters: {
        query: {
          /** @description indicator|orgUnit|period|sex|ageGroup|ethnicity|area, e.g. BDG-02|20|2025|total||| */
          key: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                at: string;
                userId: string | null;
                username: string | null;
                action: string;
                entity: string;
                entityId: string | null;
                orgUnitCode: string | null;
                period: string | null;
                before: unknown;
                after: unknown;
                reason: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch sử kế hoạch và quy trình số liệu / history of a plan and its submissions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                id: number;
                at: string;
                userId: string | null;
                username: string | null;
                action: string;
                entity: string;
                entityId: string | null;
                orgUnitCode: string | null;
                period: string | null;
                before: unknown;
                after: unknown;
                reason: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Quy trình số liệu: submit / workflow step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            orgUnit: string;
            period: string;
            comment?: string | null;
            version?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              orgUnit: string;
              period: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'approved' | 'accepted';
              lastComment: string | null;
              version: number;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Quy trình số liệu: approve / workflow step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            orgUnit: string;
            period: string;
            comment?: string | null;
            version?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              orgUnit: string;
              period: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'approved' | 'accepted';
              lastComment: string | null;
              version: number;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Quy trình số liệu: accept / workflow step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            orgUnit: string;
            period: string;
            comment?: string | null;
            version?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              orgUnit: string;
              period: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'approved' | 'accepted';
              lastComment: string | null;
              version: number;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/return': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Quy trình số liệu: return / workflow step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            orgUnit: string;
            period: string;
            comment?: string | null;
            version?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              orgUnit: string;
              period: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'approved' | 'accepted';
              lastComment: string | null;
              version: number;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Quy trình số liệu: reopen / workflow step */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            orgUnit: string;
            period: string;
            comment?: string | null;
            version?: number | null;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              planId: string;
              orgUnit: string;
              period: string;
              /** @enum {string} */
              status: 'draft' | 'submitted' | 'approved' | 'accepted';
              lastComment: string | null;
              version: number;
              updatedAt: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/bulk-submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Gửi / duyệt / tiếp nhận hàng loạt (submit) / bulk submit */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            period: string;
            units: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                orgUnit: string;
                period: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'approved' | 'accepted';
                lastComment: string | null;
                version: number;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/bulk-approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Gửi / duyệt / tiếp nhận hàng loạt (approve) / bulk approve */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            period: string;
            units: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                orgUnit: string;
                period: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'approved' | 'accepted';
                lastComment: string | null;
                version: number;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/bulk-accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Gửi / duyệt / tiếp nhận hàng loạt (accept) / bulk accept */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            planId: string;
            period: string;
            units: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                orgUnit: string;
                period: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'approved' | 'accepted';
                lastComment: string | null;
                version: number;
                updatedAt: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Trạng thái số liệu của các đơn vị trong phạm vi / status of the units you can see */
    get: {
      parameters: {
        query: {
          plan: string;
          period: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                orgUnit: string;
                orgUnitName: string;
                /** @enum {string} */
                status: 'draft' | 'submitted' | 'approved' | 'accepted';
                version: number;
                lastComment: string | null;
                figures: number;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/calendar': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch của đơn vị: hạn báo cáo và các ngày kỷ niệm (JSON) / the calendar feed as JSON */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              unit: {
                code: string;
                name: string;
                fullName: string;
              };
              items: {
                uid: string;
                start: string;
                /** @description Inclusive last day */
                end: string;
                title: string;
                description: string;
                cycle: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  planId: string;
                  /** @enum {string} */
                  kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                  period: string;
                } | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/reporting-units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Đơn vị phải báo cáo theo kế hoạch và lý do / who owes the plan’s reports, and why */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description False while the list is derived from the plan and not stored yet */
              stored: boolean;
              units: {
                code: string;
                name: string;
                title: string;
                kind: string;
                /** @enum {string} */
                source: 'target' | 'duty' | 'clause' | 'manual';
                included: boolean;
                reasons: string[];
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Thêm đơn vị phải báo cáo / add a unit that owes the plan’s reports */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Mã đơn vị */
            orgUnit: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description False while the list is derived from the plan and not stored yet */
              stored: boolean;
              units: {
                code: string;
                name: string;
                title: string;
                kind: string;
                /** @enum {string} */
                source: 'target' | 'duty' | 'clause' | 'manual';
                included: boolean;
                reasons: string[];
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/reporting-units/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Bỏ ra hoặc đưa lại đơn vị vào danh sách báo cáo / exclude or re-include a unit */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            included: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description False while the list is derived from the plan and not stored yet */
              stored: boolean;
              units: {
                code: string;
                name: string;
                title: string;
                kind: string;
                /** @enum {string} */
                source: 'target' | 'duty' | 'clause' | 'manual';
                included: boolean;
                reasons: string[];
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/plans/{id}/definitions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Thêm chế độ báo cáo (và các kỳ của nó) / add a report definition */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Tên báo cáo */
            title?: string;
            /** @description Nội dung báo cáo */
            content?: string;
            /** @description Đối tượng thực hiện báo cáo */
            reportingEntities?: string;
            /** @description Cơ quan nhận báo cáo */
            recipient?: string;
            /** @description Phương thức gửi */
            sendingMethod?: string;
            /** @description Tần suất */
            frequency?: string;
            /** @description Month-day "MM-DD" */
            cutoffStart?: string;
            /** @description Month-day "MM-DD" */
            cutoffEnd?: string;
            /** @description Month-day "MM-DD" */
            dueMonthDay?: string;
            /** @description Đề cương báo cáo */
            outlineTemplate?: string;
            /** @description Biểu mẫu số liệu */
            dataForm?: string;
            /** @enum {string} */
            kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
            /** @description Also create its cycles over the plan (default true) */
            cycles?: boolean;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
              title: string;
              content: string;
              reportingEntities: string;
              recipient: string;
              sendingMethod: string;
              frequency: string;
              cutoffStart: string;
              cutoffEnd: string;
              dueMonthDay: string;
              outlineTemplate: string;
              dataForm: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/definitions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Xóa chế độ báo cáo và các kỳ của nó / delete a definition and its cycles */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              deleted: string;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Sửa chế độ báo cáo / edit a report definition */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Tên báo cáo */
            title?: string;
            /** @description Nội dung báo cáo */
            content?: string;
            /** @description Đối tượng thực hiện báo cáo */
            reportingEntities?: string;
            /** @description Cơ quan nhận báo cáo */
            recipient?: string;
            /** @description Phương thức gửi */
            sendingMethod?: string;
            /** @description Tần suất */
            frequency?: string;
            /** @description Month-day "MM-DD" */
            cutoffStart?: string;
            /** @description Month-day "MM-DD" */
            cutoffEnd?: string;
            /** @description Month-day "MM-DD" */
            dueMonthDay?: string;
            /** @description Đề cương báo cáo */
            outlineTemplate?: string;
            /** @description Biểu mẫu số liệu */
            dataForm?: string;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** @enum {string} */
              kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
              title: string;
              content: string;
              reportingEntities: string;
              recipient: string;
              sendingMethod: string;
              frequency: string;
              cutoffStart: string;
              cutoffEnd: string;
              dueMonthDay: string;
              outlineTemplate: string;
              dataForm: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/plans/{id}/cycles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chế độ báo cáo và các kỳ báo cáo / report definitions and cycles */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              definitions: {
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                title: string;
                content: string;
                reportingEntities: string;
                recipient: string;
                sendingMethod: string;
                frequency: string;
                cutoffStart: string;
                cutoffEnd: string;
                dueMonthDay: string;
                outlineTemplate: string;
                dataForm: string;
                version: number;
              }[];
              cycles: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                definitionId: string;
                /** Format: uuid */
                planId: string;
                /** @enum {string} */
                kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                year: number;
                period: string;
                cutoffFrom: string;
                cutoffTo: string;
                due: string;
                version: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Thêm một kỳ báo cáo / add a reporting cycle */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            definitionId: string;
            year: number;
            /** Format: date */
            due: string;
            /** Format: date */
            cutoffFrom?: string;
            /** Format: date */
            cutoffTo?: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              definitionId: string;
              /** Format: uuid */
              planId: string;
              /** @enum {string} */
              kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
              year: number;
              period: string;
              cutoffFrom: string;
              cutoffTo: string;
              due: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Xóa một kỳ báo cáo / delete a reporting cycle */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              deleted: string;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Sửa hạn và thời gian chốt số liệu của một kỳ / change a cycle’s dates */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            due: string;
            /** Format: date */
            cutoffFrom: string;
            /** Format: date */
            cutoffTo: string;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              /** Format: uuid */
              definitionId: string;
              /** Format: uuid */
              planId: string;
              /** @enum {string} */
              kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
              year: number;
              period: string;
              cutoffFrom: string;
              cutoffTo: string;
              due: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/org-units/{code}/reporting-settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chế độ báo cáo chung của tỉnh / a province’s reporting settings */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orgUnit: string;
              sixMonth: boolean;
              sixMonthDue: string;
              annualDue: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    /** Đặt chế độ báo cáo chung của tỉnh / set a province’s reporting settings */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            sixMonth: boolean;
            /** @description Month-day "MM-DD" */
            sixMonthDue: string;
            /** @description Month-day "MM-DD" */
            annualDue: string;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              orgUnit: string;
              sixMonth: boolean;
              sixMonthDue: string;
              annualDue: string;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/cycles/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tạo các kỳ báo cáo còn thiếu theo mặc định / generate the missing default cycles */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Only this year of the plan */
            year?: number;
          } | null;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cycles: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                definitionId: string;
                /** Format: uuid */
                planId: string;
                /** @enum {string} */
                kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                year: number;
                period: string;
                cutoffFrom: string;
                cutoffTo: string;
                due: string;
                version: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/completeness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tình hình báo cáo của kỳ: ai đã gửi, ai trễ hạn / completeness and timeliness */
    get: {
      parameters: {
        query?: {
          /** @description Only this unit (agency view) */
          unit?: string;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cycle: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                definitionId: string;
                /** Format: uuid */
                planId: string;
                /** @enum {string} */
                kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                year: number;
                period: string;
                cutoffFrom: string;
                cutoffTo: string;
                due: string;
                version: number;
              };
              summary: {
                obligated: number;
                submitted: number;
                approved: number;
                accepted: number;
                late: number;
              };
              units: {
                code: string;
                name: string;
                /** @enum {string} */
                kind: 'agency' | 'commune';
                /** @enum {string} */
                state: 'not_submitted' | 'submitted' | 'approved' | 'accepted';
                submittedAt: string | null;
                daysLate: number;
                onTime: boolean;
                targets: {
                  code: string;
                  role: string;
                }[];
                indicators: string[];
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/timeliness': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tỷ lệ báo cáo đúng hạn theo kỳ / on-time rate per cycle */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                cycleId: string;
                kind: string;
                period: string;
                due: string;
                obligated: number;
                onTime: number;
                late: number;
                rate: number | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Lịch iCalendar: hạn báo cáo của đơn vị và các ngày kỷ niệm / iCalendar feed */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhắc hạn của các đơn vị mình có vai trò / reminders of your units */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                orgUnit: string;
                kind: string;
                message: string;
                createdAt: string;
                /** Format: uuid */
                cycleId: string;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reports/{unit}/draft': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Phần báo cáo do đơn vị viết / the written parts */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activities: string;
              difficulties: string;
              proposals: string;
              signerAuthority: string;
              signerName: string;
              recipients: string[];
              signed: {
                size: number;
                sha256: string;
                sentAt: string;
              } | null;
              version: number;
            };
          };
        };
      };
    };
    /** Lưu phần báo cáo do đơn vị viết / save the written parts */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            activities: string;
            difficulties: string;
            proposals: string;
            signerAuthority: string;
            signerName: string;
            recipients: string[];
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activities: string;
              difficulties: string;
              proposals: string;
              signerAuthority: string;
              signerName: string;
              recipients: string[];
              signed: {
                size: number;
                sha256: string;
                sentAt: string;
              } | null;
              version: number;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reports/{unit}/document': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nội dung báo cáo lập sẵn từ số liệu (JSON) / what the report will say, as JSON */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              cycle: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                definitionId: string;
                /** Format: uuid */
                planId: string;
                /** @enum {string} */
                kind: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                year: number;
                period: string;
                cutoffFrom: string;
                cutoffTo: string;
                due: string;
                version: number;
              };
              unit: {
                code: string;
                name: string;
                kind: string;
              };
              document: {
                parentBody: string | null;
                issuer: string;
                symbol: string;
                place: string;
                title: string;
                recipientLine: string | null;
                intro: string;
                isDemo: boolean;
                goals: {
                  code: string;
                  title: string;
                  targets: {
                    code: string;
                    text: string;
                    measures: {
                      label: string | null;
                      target: string;
                      baseline: string | null;
                      latest: {
                        period: string | null;
                        female: string | null;
                        male: string | null;
                        total: string | null;
                      };
                      status: string;
                      statusKey: string;
                      explanation: string;
                      figures: {
                        unit: string;
                        female: number | null;
                        male: number | null;
                        total: number | null;
                        numerator: number | null;
                        denominator: number | null;
                        bySex: boolean;
                        hasParts: boolean;
                        coverage: {
                          reported: number;
                          owed: number;
                        } | null;
                        source: string | null;
                      };
                    }[];
                    lead: string[];
                  }[];
                }[];
                lateOrMissing: string[];
                signer: {
                  authority: string[];
                  name: string;
                };
                recipients: string[];
                appendixTitle: string;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reports/{unit}/report.docx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Báo cáo (DOCX, thể thức Nghị định 30/2020) / the report as DOCX */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reports/{unit}/appendix.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Phụ lục số liệu (XLSX) / the appendix as XLSX */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reports/{unit}/signed': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Tải lên bản PDF đã ký / upload the signed PDF */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              activities: string;
              difficulties: string;
              proposals: string;
              signerAuthority: string;
              signerName: string;
              recipients: string[];
              signed: {
                size: number;
                sha256: string;
                sentAt: string;
              } | null;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/cycles/{id}/reports/{unit}/signed.pdf': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tải bản PDF đã ký / download the signed PDF */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          unit: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/leadership': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Sổ chức danh lãnh đạo của đơn vị / leadership register */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                position: string;
                isKeyLeader: boolean;
                /** @enum {string|null} */
                holderSex: 'female' | 'male' | null;
                fromDate: string;
                toDate: string | null;
                isDemo: boolean;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Ghi người giữ chức danh từ một ngày / record who holds a post from a date */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            position: string;
            isKeyLeader: boolean;
            /** @enum {string|null} */
            holderSex: 'female' | 'male' | null;
            /** Format: date */
            fromDate: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              position: string;
              isKeyLeader: boolean;
              /** @enum {string|null} */
              holderSex: 'female' | 'male' | null;
              fromDate: string;
              toDate: string | null;
              isDemo: boolean;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/staff': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Số cán bộ, công chức, viên chức theo giới tính / staff by sex */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                asOf: string;
                female: number;
                male: number;
              }[];
            };
          };
        };
      };
    };
    /** Ghi số cán bộ theo giới tính tại một ngày / record staff by sex on a date */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: date */
            asOf: string;
            female: number;
            male: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              asOf: string;
              female: number;
              male: number;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/activities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhật ký hoạt động của đơn vị / activity log */
    get: {
      parameters: {
        query?: {
          kind?: 'communication' | 'event' | 'training' | 'meeting' | 'inspection';
          channel?: 'portal' | 'radio' | 'tv' | 'social' | 'meeting' | 'print';
          occasion?: '8-3' | 'june-action-month' | '28-6' | '20-10' | '9-11' | 'action-month';
          /** @description id of a target the item serves */
          target?: string;
          /** @description id of a task the item serves */
          task?: string;
          from?: string;
          to?: string;
          limit?: number;
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                orgUnit: string;
                /** @enum {string} */
                kind: 'communication' | 'event' | 'training' | 'meeting' | 'inspection';
                title: string;
                channel: string | null;
                url: string | null;
                date: string;
                endDate: string | null;
                occasion: string | null;
                participantsFemale: number | null;
                participantsMale: number | null;
                findings: string | null;
                taskIds: string[];
                targetIds: string[];
                isDemo: boolean;
                attachments: {
                  /** Format: uuid */
                  id: string;
                  fileName: string;
                  mediaType: string;
                  size: number;
                  url: string;
                }[];
              }[];
            };
          };
        };
      };
    };
    put?: never;
    /** Ghi một hoạt động / log an activity */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            kind: 'communication' | 'event' | 'training' | 'meeting' | 'inspection';
            title: string;
            /** @enum {string|null} */
            channel?: 'portal' | 'radio' | 'tv' | 'social' | 'meeting' | 'print' | null;
            url?: string | null;
            /** Format: date */
            date: string;
            /** Format: date */
            endDate?: string | null;
            /** @enum {string|null} */
            occasion?: '8-3' | 'june-action-month' | '28-6' | '20-10' | '9-11' | 'action-month' | null;
            participantsFemale?: number | null;
            participantsMale?: number | null;
            findings?: string | null;
            /** @default [] */
            taskIds?: string[];
            /** @default [] */
            targetIds?: string[];
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              orgUnit: string;
              /** @enum {string} */
              kind: 'communication' | 'event' | 'training' | 'meeting' | 'inspection';
              title: string;
              channel: string | null;
              url: string | null;
              date: string;
              endDate: string | null;
              occasion: string | null;
              participantsFemale: number | null;
              participantsMale: number | null;
              findings: string | null;
              taskIds: string[];
              targetIds: string[];
              isDemo: boolean;
              attachments: {
                /** Format: uuid */
                id: string;
                fileName: string;
                mediaType: string;
                size: number;
                url: string;
              }[];
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/activities/{id}/attachments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Đính kèm tệp (ảnh, biên bản) / attach a file; body = the file, name in x-file-name */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              fileName: string;
              mediaType: string;
              size: number;
              url: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/attachments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tải tệp đính kèm (người dùng của đơn vị và cấp trên) / download an attachment */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lập kế hoạch của đơn vị từ kế hoạch cấp trên / draft a unit’s plan from this plan */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            unit: string;
            year: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              url: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/plan.docx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Kế hoạch (DOCX, thể thức Nghị định 30/2020) / the plan as a DOCX draft */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/tasks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Nhiệm vụ của kế hoạch và tiến độ của kế hoạch cấp dưới / tasks and their children */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                code: string | null;
                text: string;
                agencies: {
                  name: string;
                  code: string | null;
                }[];
                /** @enum {string} */
                status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
                startDate: string | null;
                dueDate: string | null;
                evidence: string | null;
                /** Format: uuid */
                parentTaskId: string | null;
                version: number;
                children: {
                  /** Format: uuid */
                  id: string;
                  /** Format: uuid */
                  planId: string;
                  planIssuer: string;
                  /** @enum {string} */
                  status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
                }[];
                childrenDone: number;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tasks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Cập nhật tình trạng, thời hạn, kết quả của nhiệm vụ / update a task */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @enum {string} */
            status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
            /** Format: date */
            startDate: string | null;
            /** Format: date */
            dueDate: string | null;
            evidence: string | null;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              code: string | null;
              text: string;
              agencies: {
                name: string;
                code: string | null;
              }[];
              /** @enum {string} */
              status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
              startDate: string | null;
              dueDate: string | null;
              evidence: string | null;
              /** Format: uuid */
              parentTaskId: string | null;
              version: number;
              children: {
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                planId: string;
                planIssuer: string;
                /** @enum {string} */
                status: 'not_started' | 'in_progress' | 'done' | 'cancelled';
              }[];
              childrenDone: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/plans': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh sách kế hoạch / list plans */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                isDemo: boolean;
                document: {
                  /** @enum {string} */
                  type: 'KH' | 'CV' | 'QD' | 'BC' | 'CTR' | 'HD' | 'NQ' | 'ND' | 'TT' | 'CT' | 'KL' | 'LUAT';
                  number: string | null;
                  symbol: string | null;
                  issuer: string;
                  parentBody: string | null;
                  place: string | null;
                  /** @description ISO date as precise as the document states it */
                  date: string | null;
                  title: string;
                  period: {
                    from: number;
                    to: number;
                  };
                  signer: {
                    authority: string | null;
                    name: string | null;
                    /** @description The lines above the name, as the document prints them */
                    lines?: string[];
                  } | null;
                };
                issuerUnit: {
                  code: string;
                  name: string;
                } | null;
                /** @description The unit whose coordinators manage the plan */
                ownerUnitCode: string | null;
                /** @description Published plans are readable by anyone */
                published: boolean;
                /** @description For optimistic concurrency on changes to the plan */
                version: number;
                counts: {
                  goals: number;
                  targets: number;
                  measures: number;
                };
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một kế hoạch với mục tiêu, chỉ tiêu, phân công / one plan */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              isDemo: boolean;
              document: {
                /** @enum {string} */
                type: 'KH' | 'CV' | 'QD' | 'BC' | 'CTR' | 'HD' | 'NQ' | 'ND' | 'TT' | 'CT' | 'KL' | 'LUAT';
                number: string | null;
                symbol: string | null;
                issuer: string;
                parentBody: string | null;
                place: string | null;
                /** @description ISO date as precise as the document states it */
                date: string | null;
                title: string;
                period: {
                  from: number;
                  to: number;
                };
                signer: {
                  authority: string | null;
                  name: string | null;
                  /** @description The lines above the name, as the document prints them */
                  lines?: string[];
                } | null;
              };
              issuerUnit: {
                code: string;
                name: string;
              } | null;
              /** @description The unit whose coordinators manage the plan */
              ownerUnitCode: string | null;
              /** @description Published plans are readable by anyone */
              published: boolean;
              /** @description For optimistic concurrency on changes to the plan */
              version: number;
              counts: {
                goals: number;
                targets: number;
                measures: number;
              };
              references: {
                /** @enum {string} */
                relation: 'implements' | 'legal-basis';
                type: string | null;
                number: string | null;
                symbol: string | null;
                date: string | null;
                issuer: string | null;
                title: string | null;
                /** Format: uuid */
                planId: string | null;
              }[];
              goals: {
                /** Format: uuid */
                id: string;
                code: string;
                title: string;
                targets: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  text: string;
                  measures: {
                    label?: string | null;
                    value: number;
                    /** @enum {string} */
                    unit: '%' | 'times' | 'per100' | 'per1000' | 'per100000' | 'count' | 'milestone';
                    /** @enum {string} */
                    comparator: '>=' | '>' | '<=' | '<' | '=' | '~';
                    year: number | null;
                    baseline: {
                      value: number;
                      year: number | null;
                    } | null;
                    /** @enum {string|null} */
                    per: 'quarter' | 'month' | 'year' | null;
                    /** @description Code of the indicator that measures it */
                    indicator?: string;
                  }[];
                  lead: {
                    name: string;
                    code: string | null;
                    unitName: string | null;
                  }[];
                  coordinate: {
                    name: string;
                    code: string | null;
                    unitName: string | null;
                  }[];
                }[];
              }[];
              tasks: {
                code: string | null;
                text: string;
                agencies: {
                  name: string;
                  code: string | null;
                  unitName: string | null;
                }[];
              }[];
              deadlines: {
                report: string;
                due: string | null;
                before: boolean;
                /** @enum {string|null} */
                recurrence: 'yearly' | 'once' | null;
                year: number | null;
                recipient: string | null;
                text: string | null;
              }[];
              /** @description Text parts of the document (optional; older files have none) */
              text: {
                /** @description I.1 Mục đích: its paragraphs */
                purpose?: string[];
                /** @description I.2 Yêu cầu: its paragraphs */
                requirements?: string[];
                /** @description Mục tiêu chung: its paragraphs */
                generalGoal?: string[];
                /** @description Kinh phí thực hiện */
                budget?: {
                  /** @description Where the money comes from, as the document names the sources */
                  sources?: string[];
                  paragraphs: string[];
                };
                /** @description The closing paragraphs after the last section */
                closing?: string[];
                /** @description Nơi nhận, one line per recipient, in order, as written */
                recipients?: string[];
                /** @description "Kính gửi" of a công văn, one line per addressee */
                addressees?: string[];
                /** @description The document's sections, in order */
                headings?: {
                  /** @description "I", "II", … as the document numbers the section */
                  number: string | null;
                  title: string;
                  /**
                   * @description Which part of the model the section holds
                   * @enum {string}
                   */
                  part:
                    | 'purpose'
                    | 'goals'
                    | 'tasks'
                    | 'activities'
                    | 'budget'
                    | 'organization'
                    | 'reporting'
                    | 'other';
                }[];
              };
              duties: {
                code: string | null;
                agency: {
                  name: string;
                  code: string | null;
                  unitName: string | null;
                };
                heading: string | null;
                /** @enum {string|null} */
                covers: 'agencies' | 'communes' | null;
                paragraphs: string[];
              }[];
              /** @description Agencies given duties without a target */
              responsible: {
                name: string;
                code: string | null;
                unitName: string | null;
              }[];
              /** @description A province merged in 2025 that the document names, and the province it is now part of */
              formerProvince: {
                /** @description The province as the document names it ("Bình Phước") */
                written: string;
                current: {
                  code: string;
                  name: string;
                  fullName: string;
                };
              } | null;
              parents: {
                /** Format: uuid */
                id: string;
                isDemo: boolean;
                type: string;
                number: string | null;
                symbol: string | null;
                issuer: string;
                date: string | null;
                title: string;
                period: {
                  from: number;
                  to: number;
                };
              }[];
              children: {
                /** Format: uuid */
                id: string;
                isDemo: boolean;
                type: string;
                number: string | null;
                symbol: string | null;
                issuer: string;
                date: string | null;
                title: string;
                period: {
                  from: number;
                  to: number;
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Xuất kế hoạch theo định dạng binhdang.plan/1 / export as binhdang.plan/1 */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              format: 'binhdang.plan/1';
              document: {
                /** @enum {string} */
                type: 'KH' | 'CV' | 'QD' | 'BC' | 'CTR' | 'HD' | 'NQ' | 'ND' | 'TT' | 'CT' | 'KL' | 'LUAT';
                number: string | null;
                symbol: string | null;
                issuer: string;
                parentBody: string | null;
                place: string | null;
                /** @description ISO date as precise as the document: "2026-04-26", "2026-04" or "2026" */
                date: string | null;
                title: string;
                period: {
                  from: number;
                  to: number;
                };
                signer: {
                  authority: string | null;
                  name: string | null;
                  /** @description The lines above the name, in order ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") */
                  lines?: string[];
                } | null;
              };
              /** @description Text parts of the document (optional; older files have none) */
              text?: {
                /** @description I.1 Mục đích: its paragraphs */
                purpose?: string[];
                /** @description I.2 Yêu cầu: its paragraphs */
                requirements?: string[];
                /** @description Mục tiêu chung: its paragraphs */
                generalGoal?: string[];
                /** @description Kinh phí thực hiện */
                budget?: {
                  /** @description Where the money comes from, as the document names the sources */
                  sources?: string[];
                  paragraphs: string[];
                };
                /** @description The closing paragraphs after the last section */
                closing?: string[];
                /** @description Nơi nhận, one line per recipient, in order, as written */
                recipients?: string[];
                /** @description "Kính gửi" of a công văn, one line per addressee */
                addressees?: string[];
                /** @description The document's sections, in order */
                headings?: {
                  /** @description "I", "II", … as the document numbers the section */
                  number: string | null;
                  title: string;
                  /**
                   * @description Which part of the model the section holds
                   * @enum {string}
                   */
                  part:
                    | 'purpose'
                    | 'goals'
                    | 'tasks'
                    | 'activities'
                    | 'budget'
                    | 'organization'
                    | 'reporting'
                    | 'other';
                }[];
              };
              duties?: {
                /** @description "VI.1" as the document numbers it */
                code?: string | null;
                /** @description The agency as the document names it ("Sở Nội vụ", "Các sở, ban, ngành khác thuộc tỉnh") */
                agency: string;
                /** @description The heading as written, when it says more than the name ("Sở Nội vụ (cơ quan Thường trực …)") */
                heading?: string | null;
                /**
                 * @description A clause for every agency of the province, or every commune (VI.14, VI.15 of a provincial plan)
                 * @enum {string|null}
                 */
                covers?: 'agencies' | 'communes' | null;
                paragraphs: string[];
              }[];
              references: {
                /** @enum {string} */
                relation: 'implements' | 'legal-basis';
                /** @enum {string|null} */
                type?:
                  'KH' | 'CV' | 'QD' | 'BC' | 'CTR' | 'HD' | 'NQ' | 'ND' | 'TT' | 'CT' | 'KL' | 'LUAT' | null;
                number?: string | null;
                symbol?: string | null;
                /** @description ISO date as precise as the document: "2026-04-26", "2026-04" or "2026" */
                date?: string | null;
                issuer?: string | null;
                title?: string | null;
                /**
                 * Format: uuid
                 * @description Id of the referenced plan on this platform, when known
                 */
                planId?: string | null;
              }[];
              goals: {
                code: string;
                title: string;
                targets: {
                  code: string;
                  text: string;
                  measures: {
                    /** @description What the number measures, when a target has several */
                    label?: string | null;
                    value: number;
                    /** @enum {string} */
                    unit: '%' | 'times' | 'per100' | 'per1000' | 'per100000' | 'count' | 'milestone';
                    /** @enum {string} */
                    comparator: '>=' | '>' | '<=' | '<' | '=' | '~';
                    year: number | null;
                    baseline: {
                      value: number;
                      year: number | null;
                    } | null;
                    /** @enum {string|null} */
                    per: 'quarter' | 'month' | 'year' | null;
                    /** @description Code of the indicator that measures this number, when known */
                    indicator?: string | null;
                  }[];
                }[];
              }[];
              tasks?: {
                code: string | null;
                text: string;
                agencies: string[];
              }[];
              assignments: {
                agency: string;
                /**
                 * @description `responsible`: an agency the plan gives duties without a target (no targets)
                 * @enum {string}
                 */
                role: 'lead' | 'coordinate' | 'responsible';
                targets: string[];
              }[];
              deadlines?: {
                /** @enum {string} */
                report: '6-month' | 'annual' | 'mid-term' | 'final' | 'other';
                /** @description The date as written; null when the plan names the report but no date */
                due: string | null;
                /** @description "trước ngày <due>": the report is due the day before the written date */
                before?: boolean;
                /**
                 * @description `yearly`: on the same day every year of the plan; `once` (default): only that date or year
                 * @enum {string}
                 */
                recurrence?: 'yearly' | 'once';
                /** @description The year of a report the plan places without a date */
                year?: number | null;
                recipient: string | null;
                /** @description The sentence that sets it, verbatim */
                text?: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Nhập kế hoạch binhdang.plan/1 / import a binhdang.plan/1 document */
    post: {
      parameters: {
        query?: {
          /** @description Id of the plan this document is a new version of: that plan is updated in place */
          replaces?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description A binhdang.plan/1 document (see /api/formats/binhdang.plan-1.schema.json) */
      requestBody: {
        content: {
          'application/json': unknown;
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              url: string;
            };
          };
        };
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              url: string;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Công bố kế hoạch (ai cũng xem được) / publish a plan */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              published: boolean;
              version: number;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/unpublish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Thôi công bố kế hoạch / unpublish a plan */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              published: boolean;
              version: number;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/identity': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Số, ký hiệu, ngày ban hành (dự thảo thành văn bản ban hành) / number, symbol, date of issue */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            number: string | null;
            symbol: string | null;
            date: string | null;
            version: number;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              id: string;
              published: boolean;
              version: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/formats/binhdang.plan-1.schema.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** JSON Schema of binhdang.plan/1 */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/assignments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Chỉ tiêu đơn vị chủ trì, phối hợp / targets a unit leads or coordinates */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @enum {string} */
                role: 'lead' | 'coordinate' | 'responsible';
                plan: {
                  /** Format: uuid */
                  id: string;
                  isDemo: boolean;
                  type: string;
                  number: string | null;
                  symbol: string | null;
                  issuer: string;
                  date: string | null;
                  title: string;
                  period: {
                    from: number;
                    to: number;
                  };
                };
                goal: {
                  code: string;
                  title: string;
                };
                target: {
                  /** Format: uuid */
                  id: string;
                  code: string;
                  text: string;
                  measures: {
                    label?: string | null;
                    value: number;
                    /** @enum {string} */
                    unit: '%' | 'times' | 'per100' | 'per1000' | 'per100000' | 'count' | 'milestone';
                    /** @enum {string} */
                    comparator: '>=' | '>' | '<=' | '<' | '=' | '~';
                    year: number | null;
                    baseline: {
                      value: number;
                      year: number | null;
                    } | null;
                    /** @enum {string|null} */
                    per: 'quarter' | 'month' | 'year' | null;
                    /** @description Code of the indicator that measures it */
                    indicator?: string;
                  }[];
                };
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tìm đơn vị theo tên, không cần dấu / search units by name, diacritics optional */
    get: {
      parameters: {
        query?: {
          q?: string;
          kind?: 'nation' | 'province' | 'commune' | 'agency' | 'section';
          parent?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies */
                code: string;
                /** @enum {string} */
                kind: 'nation' | 'province' | 'commune' | 'agency' | 'section';
                name: string;
                fullName: string;
                nameEn: string | null;
                /** @description Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category */
                type: string;
                parentCode: string | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một đơn vị / one org unit */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies */
              code: string;
              /** @enum {string} */
              kind: 'nation' | 'province' | 'commune' | 'agency' | 'section';
              name: string;
              fullName: string;
              nameEn: string | null;
              /** @description Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category */
              type: string;
              parentCode: string | null;
              abbreviation: string | null;
              aliases: string[];
              ancestors: {
                /** @description Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies */
                code: string;
                /** @enum {string} */
                kind: 'nation' | 'province' | 'commune' | 'agency' | 'section';
                name: string;
                fullName: string;
                nameEn: string | null;
                /** @description Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category */
                type: string;
                parentCode: string | null;
              }[];
              childCounts: {
                province: number;
                commune: number;
                agency: number;
                section: number;
              };
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/children': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Đơn vị trực thuộc, theo thứ tự tiếng Việt / children in Vietnamese order */
    get: {
      parameters: {
        query?: {
          kind?: 'nation' | 'province' | 'commune' | 'agency' | 'section';
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** @description Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies */
                code: string;
                /** @enum {string} */
                kind: 'nation' | 'province' | 'commune' | 'agency' | 'section';
                name: string;
                fullName: string;
                nameEn: string | null;
                /** @description Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category */
                type: string;
                parentCode: string | null;
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/sections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Thêm phòng, ban, trung tâm của đơn vị / add a section to an agency */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The section as its agency names it: "Văn phòng Sở", "Phòng Quản lý xây dựng" */
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies */
              code: string;
              /** @enum {string} */
              kind: 'nation' | 'province' | 'commune' | 'agency' | 'section';
              name: string;
              fullName: string;
              nameEn: string | null;
              /** @description Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category */
              type: string;
              parentCode: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/org-units/{code}/sections/{section}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Xóa phòng, ban chưa có dữ liệu / remove a section without records */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
          section: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': null;
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /** Đổi tên phòng, ban / rename a section */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
          section: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description The section as its agency names it: "Văn phòng Sở", "Phòng Quản lý xây dựng" */
            name: string;
          };
        };
      };
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @description Official GSO code for provinces and communes; "<province>-<ABBR>" for agencies */
              code: string;
              /** @enum {string} */
              kind: 'nation' | 'province' | 'commune' | 'agency' | 'section';
              name: string;
              fullName: string;
              nameEn: string | null;
              /** @description Tỉnh, Thành phố, Xã, Phường, Đặc khu, or the agency category */
              type: string;
              parentCode: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/indicators': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Danh mục chỉ số / indicators */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                code: string;
                nameVi: string;
                nameEn: string;
                unit: string;
                /** @enum {string} */
                direction: 'higher' | 'lower' | 'band';
                band: {
                  min: number;
                  max: number;
                } | null;
                numeratorVi: string | null;
                denominatorVi: string | null;
                multiplier: number | null;
                disaggregations: string[];
                /** @enum {string} */
                aggregation: 'ratio' | 'sum' | 'min' | 'max' | 'none';
                /** @enum {string} */
                periodType: 'year' | 'half' | 'quarter' | 'month';
                unitKinds: string[];
                source: string | null;
                providerAbbr: string | null;
                minValue: number | null;
                maxValue: number | null;
              }[];
            };
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/indicators/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Một chỉ số / one indicator */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              code: string;
              nameVi: string;
              nameEn: string;
              unit: string;
              /** @enum {string} */
              direction: 'higher' | 'lower' | 'band';
              band: {
                min: number;
                max: number;
              } | null;
              numeratorVi: string | null;
              denominatorVi: string | null;
              multiplier: number | null;
              disaggregations: string[];
              /** @enum {string} */
              aggregation: 'ratio' | 'sum' | 'min' | 'max' | 'none';
              /** @enum {string} */
              periodType: 'year' | 'half' | 'quarter' | 'month';
              unitKinds: string[];
              source: string | null;
              providerAbbr: string | null;
              minValue: number | null;
              maxValue: number | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/observations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Số liệu đã nhập / stored figures */
    get: {
      parameters: {
        query?: {
          indicator?: string;
          orgUnit?: string;
          period?: string;
          /** @description Figures a page holds, at most 5,000 */
          limit?: number;
          /** @description The nextCursor of the page before */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: {
                /** Format: uuid */
                id: string;
                indicator: string;
                orgUnit: string;
                reportingUnit: string;
                period: string;
                sex: string;
                ageGroup: string;
                ethnicity: string;
                area: string;
                value: number;
                numerator: number | null;
                denominator: number | null;
                source: string | null;
                note: string | null;
                isDemo: boolean;
                /** @description Accepted by the province in at least one plan */
                accepted: boolean;
                version: number;
              }[];
              /** @description Figures matching the filter that the caller may see, on every page */
              total: number;
              /** @description Where the next page starts; null on the last page */
              nextCursor: string | null;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    /** Nhập số liệu / enter figures (one or many rows, validated together) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            rows: {
              /** @description Indicator code, e.g. BDG-01 */
              indicator: string;
              /** @description Code of the org unit the figure describes */
              orgUnit: string;
              /** @description Code of the unit answerable for it, when a provider agency reports a province-level figure */
              reportingUnit?: string | null;
              /** @description The version the user edited (optimistic concurrency) */
              version?: number | null;
              /** @description "2024", "2024-H1", "2024-Q3" or "2024-07" */
              period: string;
              /** @description total (default), female, male */
              sex?: string | null;
              ageGroup?: string | null;
              ethnicity?: string | null;
              /** @description urban | rural */
              area?: string | null;
              /** @description A number, or text in the given locale ("1.234,5" in vi) */
              value?: (number | string) | null;
              numerator?: (number | string) | null;
              denominator?: (number | string) | null;
              source?: string | null;
              note?: string | null;
            }[];
            /**
             * @default vi
             * @enum {string}
             */
            locale?: 'vi' | 'en';
            /** @default false */
            acknowledgeWarnings?: boolean;
            /**
             * @default all
             * @enum {string}
             */
            mode?: 'all' | 'valid-only';
          };
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              stored: number;
              /** @description The first 100 rows refused (mode valid-only) */
              rejected: {
                line: number;
                column: string;
                code: string;
                message: string;
              }[];
              /** @description How many problems there are in all */
              rejectedCount?: number;
              /** @description The first 100 warnings */
              warnings: {
                line: number;
                column: string;
                code: string;
                message: string;
              }[];
              /** @description How many warnings there are in all */
              warningCount?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/observations/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Nhập số liệu từ tệp CSV / import figures from CSV (one transaction)
     * @description Columns: indicator, org_unit, period, sex, age_group, ethnicity, area, value, numerator, denominator, source, note. mode=all stores nothing when any row is invalid; mode=valid-only stores the valid rows and lists the others.
     */
    post: {
      parameters: {
        query?: {
          locale?: 'vi' | 'en';
          acknowledgeWarnings?: 'true' | 'false';
          mode?: 'all' | 'valid-only';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      /** @description CSV text (text/csv) */
      requestBody: {
        content: {
          'application/json': string;
        };
      };
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              stored: number;
              /** @description The first 100 rows refused (mode valid-only) */
              rejected: {
                line: number;
                column: string;
                code: string;
                message: string;
              }[];
              /** @description How many problems there are in all */
              rejectedCount?: number;
              /** @description The first 100 warnings */
              warnings: {
                line: number;
                column: string;
                code: string;
                message: string;
              }[];
              /** @description How many warnings there are in all */
              warningCount?: number;
            };
          };
        };
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/plans/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tiến độ từng chỉ tiêu / progress of every target and measure */
    get: {
      parameters: {
        query?: {
          year?: number;
          /** @description Also count figures not yet accepted (needs a session that can read the plan) */
          includePending?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              planId: string;
              scope: {
                code: string;
                name: string;
              } | null;
              year: number;
              includePending: boolean;
              /** @description Measures by status */
              counts: {
                [key: string]: number;
              };
              targets: {
                /** Format: uuid */
                targetId: string;
                code: string;
                goalCode: string;
                text: string;
                /** @enum {string} */
                status:
                  | 'achieved'
                  | 'on_track'
                  | 'needs_acceleration'
                  | 'limited'
                  | 'deteriorating'
                  | 'not_met'
                  | 'cannot_assess'
                  | 'not_started'
                  | 'in_progress';
                lead: {
                  name: string;
                  code: string | null;
                }[];
                measures: {
                  /** Format: uuid */
                  measureId: string;
                  position: number;
                  target: {
                    label?: string | null;
                    value: number;
                    /** @enum {string} */
                    unit: '%' | 'times' | 'per100' | 'per1000' | 'per100000' | 'count' | 'milestone';
                    /** @enum {string} */
                    comparator: '>=' | '>' | '<=' | '<' | '=' | '~';
                    year: number | null;
                    baseline: {
                      value: number;
                      year: number | null;
                    } | null;
                    /** @enum {string|null} */
                    per: 'quarter' | 'month' | 'year' | null;
                    /** @description Code of the indicator that measures it */
                    indicator?: string;
                  };
                  indicator: {
                    code: string;
                    nameVi: string;
                    nameEn: string;
                    unit: string;
                    /** @enum {string} */
                    direction: 'higher' | 'lower' | 'band';
                  } | null;
                  /** @enum {string} */
                  status:
                    | 'achieved'
                    | 'on_track'
                    | 'needs_acceleration'
                    | 'limited'
                    | 'deteriorating'
                    | 'not_met'
                    | 'cannot_assess'
                    | 'not_started'
                    | 'in_progress';
                  reason: string | null;
                  /** @description The latest complete figure: the one the status rests on */
                  latest: {
                    period: string;
                    sex: string;
                    value: number;
                    numerator: number | null;
                    denominator: number | null;
                    /** @enum {string} */
                    origin: 'entered' | 'computed';
                    contributors: number;
                    /** @description Rests on figures not yet accepted (only with includePending) */
                    pending: boolean;
                    /** @description Computed from registers or the activity log, not entered */
                    fromRecords: boolean;
                    /** @description Who a rolled-up figure covers; null for a figure entered for the scope itself */
                    coverage: {
                      /** @description Units owing the figure for the period */
                      owed: number;
                      /** @description Units whose figure is counted */
                      reported: number;
                      /** @description Codes of owed units that have not reported */
                      missing: string[];
                    } | null;
                    /** @description Entered for the scope, or covered by enough units: only complete figures count for status */
                    complete: boolean;
                  } | null;
                  /** @description A newer figure that too few units cover: shown, marked, never assessed */
                  partial: {
                    period: string;
                    sex: string;
                    value: number;
                    numerator: number | null;
                    denominator: number | null;
                    /** @enum {string} */
                    origin: 'entered' | 'computed';
                    contributors: number;
                    /** @description Rests on figures not yet accepted (only with includePending) */
                    pending: boolean;
                    /** @description Computed from registers or the activity log, not entered */
                    fromRecords: boolean;
                    /** @description Who a rolled-up figure covers; null for a figure entered for the scope itself */
                    coverage: {
                      /** @description Units owing the figure for the period */
                      owed: number;
                      /** @description Units whose figure is counted */
                      reported: number;
                      /** @description Codes of owed units that have not reported */
                      missing: string[];
                    } | null;
                    /** @description Entered for the scope, or covered by enough units: only complete figures count for status */
                    complete: boolean;
                  } | null;
                  /** @description The period of the base of the growth rates */
                  basePeriod: string | null;
                  /** @description Change a year needed from the latest value to reach the target (rate, or units when absolute) */
                  neededFromLatest: number | null;
                  /** @description The value needed one period after the latest, on the path to the target */
                  neededNextPeriod: {
                    /** @description In years, as period times */
                    time: number;
                    value: number;
                  } | null;
                  /** @description Assessed on absolute change a year (a count from 0) */
                  absolute: boolean;
                  /** @description A baseline the plan states without a year is taken as of this year (the plan’s first) */
                  baselineAssumedYear: number | null;
                  /** @description A target set for each sex: the status of each (the measure takes the worse) */
                  bySex: {
                    /** @enum {string} */
                    female:
                      | 'achieved'
                      | 'on_track'
                      | 'needs_acceleration'
                      | 'limited'
                      | 'deteriorating'
                      | 'not_met'
                      | 'cannot_assess'
                      | 'not_started'
                      | 'in_progress';
                    /** @enum {string} */
                    male:
                      | 'achieved'
                      | 'on_track'
                      | 'needs_acceleration'
                      | 'limited'
                      | 'deteriorating'
                      | 'not_met'
                      | 'cannot_assess'
                      | 'not_started'
                      | 'in_progress';
                  } | null;
                  /** @description A target stated per period for every unit: units meeting it in each complete period */
                  perPeriod: {
                    latest: {
                      period: string;
                      meeting: number;
                      owed: number;
                    } | null;
                    periods: {
                      period: string;
                      meeting: number;
                      owed: number;
                    }[];
                  } | null;
                  /** @description CAGR from the base to the latest value, per year */
                  observedGrowth: number | null;
                  /** @description CAGR from the base to the target, per year */
                  requiredGrowth: number | null;
                  /** @description R with a numeric target */
                  ratio: number | null;
                  neededThisYear: number | null;
                  projection: {
                    year: number;
                    value: number;
                  } | null;
                  lowConfidence: boolean;
                  explanation: {
                    vi: string;
                    en: string;
                  };
                  /** @description The change needed from the latest value to reach the target, in one sentence */
                  effort: {
                    vi: string;
                    en: string;
                  } | null;
                  /** @description Who is behind in the latest period with figures */
                  behind: {
                    period: string;
                    /** @description Owed units without a counted figure for the period */
                    notReported: {
                      code: string;
                      name: string;
                    }[];
                    /** @description For a per-period target: units that did not reach it in the period */
                    belowTarget: {
                      code: string;
                      name: string;
                      value: number | null;
                    }[];
                  } | null;
                }[];
              }[];
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/targets/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tiến độ một chỉ tiêu, chuỗi số liệu theo giới tính / one target with its series by sex */
    get: {
      parameters: {
        query?: {
          year?: number;
          /** @description Also count figures not yet accepted (needs a session that can read the plan) */
          includePending?: 'true' | 'false';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** Format: uuid */
              targetId: string;
              code: string;
              goalCode: string;
              text: string;
              /** @enum {string} */
              status:
                | 'achieved'
                | 'on_track'
                | 'needs_acceleration'
                | 'limited'
                | 'deteriorating'
                | 'not_met'
                | 'cannot_assess'
                | 'not_started'
                | 'in_progress';
              lead: {
                name: string;
                code: string | null;
              }[];
              measures: {
                /** Format: uuid */
                measureId: string;
                position: number;
                target: {
                  label?: string | null;
                  value: number;
                  /** @enum {string} */
                  unit: '%' | 'times' | 'per100' | 'per1000' | 'per100000' | 'count' | 'milestone';
                  /** @enum {string} */
                  comparator: '>=' | '>' | '<=' | '<' | '=' | '~';
                  year: number | null;
                  baseline: {
                    value: number;
                    year: number | null;
                  } | null;
                  /** @enum {string|null} */
                  per: 'quarter' | 'month' | 'year' | null;
                  /** @description Code of the indicator that measures it */
                  indicator?: string;
                };
                indicator: {
                  code: string;
                  nameVi: string;
                  nameEn: string;
                  unit: string;
                  /** @enum {string} */
                  direction: 'higher' | 'lower' | 'band';
                } | null;
                /** @enum {string} */
                status:
                  | 'achieved'
                  | 'on_track'
                  | 'needs_acceleration'
                  | 'limited'
                  | 'deteriorating'
                  | 'not_met'
                  | 'cannot_assess'
                  | 'not_started'
                  | 'in_progress';
                reason: string | null;
                /** @description The latest complete figure: the one the status rests on */
                latest: {
                  period: string;
                  sex: string;
                  value: number;
                  numerator: number | null;
                  denominator: number | null;
                  /** @enum {string} */
                  origin: 'entered' | 'computed';
                  contributors: number;
                  /** @description Rests on figures not yet accepted (only with includePending) */
                  pending: boolean;
                  /** @description Computed from registers or the activity log, not entered */
                  fromRecords: boolean;
                  /** @description Who a rolled-up figure covers; null for a figure entered for the scope itself */
                  coverage: {
                    /** @description Units owing the figure for the period */
                    owed: number;
                    /** @description Units whose figure is counted */
                    reported: number;
                    /** @description Codes of owed units that have not reported */
                    missing: string[];
                  } | null;
                  /** @description Entered for the scope, or covered by enough units: only complete figures count for status */
                  complete: boolean;
                } | null;
                /** @description A newer figure that too few units cover: shown, marked, never assessed */
                partial: {
                  period: string;
                  sex: string;
                  value: number;
                  numerator: number | null;
                  denominator: number | null;
                  /** @enum {string} */
                  origin: 'entered' | 'computed';
                  contributors: number;
                  /** @description Rests on figures not yet accepted (only with includePending) */
                  pending: boolean;
                  /** @description Computed from registers or the activity log, not entered */
                  fromRecords: boolean;
                  /** @description Who a rolled-up figure covers; null for a figure entered for the scope itself */
                  coverage: {
                    /** @description Units owing the figure for the period */
                    owed: number;
                    /** @description Units whose figure is counted */
                    reported: number;
                    /** @description Codes of owed units that have not reported */
                    missing: string[];
                  } | null;
                  /** @description Entered for the scope, or covered by enough units: only complete figures count for status */
                  complete: boolean;
                } | null;
                /** @description The period of the base of the growth rates */
                basePeriod: string | null;
                /** @description Change a year needed from the latest value to reach the target (rate, or units when absolute) */
                neededFromLatest: number | null;
                /** @description The value needed one period after the latest, on the path to the target */
                neededNextPeriod: {
                  /** @description In years, as period times */
                  time: number;
                  value: number;
                } | null;
                /** @description Assessed on absolute change a year (a count from 0) */
                absolute: boolean;
                /** @description A baseline the plan states without a year is taken as of this year (the plan’s first) */
                baselineAssumedYear: number | null;
                /** @description A target set for each sex: the status of each (the measure takes the worse) */
                bySex: {
                  /** @enum {string} */
                  female:
                    | 'achieved'
                    | 'on_track'
                    | 'needs_acceleration'
                    | 'limited'
                    | 'deteriorating'
                    | 'not_met'
                    | 'cannot_assess'
                    | 'not_started'
                    | 'in_progress';
                  /** @enum {string} */
                  male:
                    | 'achieved'
                    | 'on_track'
                    | 'needs_acceleration'
                    | 'limited'
                    | 'deteriorating'
                    | 'not_met'
                    | 'cannot_assess'
                    | 'not_started'
                    | 'in_progress';
                } | null;
                /** @description A target stated per period for every unit: units meeting it in each complete period */
                perPeriod: {
                  latest: {
                    period: string;
                    meeting: number;
                    owed: number;
                  } | null;
                  periods: {
                    period: string;
                    meeting: number;
                    owed: number;
                  }[];
                } | null;
                /** @description CAGR from the base to the latest value, per year */
                observedGrowth: number | null;
                /** @description CAGR from the base to the target, per year */
                requiredGrowth: number | null;
                /** @description R with a numeric target */
                ratio: number | null;
                neededThisYear: number | null;
                projection: {
                  year: number;
                  value: number;
                } | null;
                lowConfidence: boolean;
                explanation: {
                  vi: string;
                  en: string;
                };
                /** @description The change needed from the latest value to reach the target, in one sentence */
                effort: {
                  vi: string;
                  en: string;
                } | null;
                /** @description Who is behind in the latest period with figures */
                behind: {
                  period: string;
                  /** @description Owed units without a counted figure for the period */
                  notReported: {
                    code: string;
                    name: string;
                  }[];
                  /** @description For a per-period target: units that did not reach it in the period */
                  belowTarget: {
                    code: string;
                    name: string;
                    value: number | null;
                  }[];
                } | null;
                series: {
                  period: string;
                  sex: string;
                  value: number;
                  numerator: number | null;
                  denominator: number | null;
                  /** @enum {string} */
                  origin: 'entered' | 'computed';
                  contributors: number;
                  /** @description Rests on figures not yet accepted (only with includePending) */
                  pending: boolean;
                  /** @description Computed from registers or the activity log, not entered */
                  fromRecords: boolean;
                  /** @description Who a rolled-up figure covers; null for a figure entered for the scope itself */
                  coverage: {
                    /** @description Units owing the figure for the period */
                    owed: number;
                    /** @description Units whose figure is counted */
                    reported: number;
                    /** @description Codes of owed units that have not reported */
                    missing: string[];
                  } | null;
                  /** @description Entered for the scope, or covered by enough units: only complete figures count for status */
                  complete: boolean;
                }[];
                trajectory: {
                  year: number;
                  value: number;
                }[];
              }[];
              /** Format: uuid */
              planId: string;
              scope: {
                code: string;
                name: string;
              } | null;
            };
          };
        };
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ErrorResponse'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ErrorResponseInput: {
      error: {
        code: string;
        message: string;
        issues?: {
          path: string;
          message: string;
          line?: number;
          column?: string;
          code?: string;
          current?: {
            [key: string]: unknown;
          };
        }[];
        /** @description How many issues there are in all; only the first 100 are listed */
        issueCount?: number;
        correlationId?: string;
      };
    };
    ErrorResponse: {
      error: {
        code: string;
        message: string;
        issues?: {
          path: string;
          message: string;
          line?: number;
          column?: string;
          code?: string;
          current?: {
            [key: string]: unknown;
          };
        }[];
        /** @description How many issues there are in all; only the first 100 are listed */
        issueCount?: number;
        correlationId?: string;
      };
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
